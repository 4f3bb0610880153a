package io.github.remoteclusters.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.provider.ArgumentsSource;
import org.junit.jupiter.params.support.AnnotationConsumer;
import org.junit.jupiter.params.support.ParameterDeclarations;

/**
 * Feeds a {@code @ParameterizedTest} with {@link #value()} seeded {@link Gen}s: a property test
 * without a property-testing library.
 *
 * <p>Each run draws fresh seeds (so the cases differ from run to run); the seed of each case is in
 * its display name and is prefixed to any failure message. {@code -Dtests.seed=SEED} runs exactly
 * the case with that seed.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ArgumentsSource(SeededCases.Provider.class)
@ExtendWith(SeededCases.SeedInFailure.class)
public @interface SeededCases {

  /** {@return how many cases to generate} */
  int value();

  /** Supplies the {@link Gen}s. */
  final class Provider implements ArgumentsProvider, AnnotationConsumer<SeededCases> {
    private int count;

    @Override
    public void accept(SeededCases annotation) {
      count = annotation.value();
    }

    @Override
    public Stream<? extends Arguments> provideArguments(
        ParameterDeclarations parameters, ExtensionContext context) {
      String replay = System.getProperty("tests.seed");
      LongStream seeds =
          replay != null && !replay.isBlank()
              ? LongStream.of(Long.parseLong(replay.strip()))
              : new SplittableRandom().longs(count);
      return seeds.mapToObj(seed -> Arguments.of(new Gen(seed)));
    }
  }

  /** Puts the case's display name (which holds the seed) in front of a failure message. */
  final class SeedInFailure implements TestExecutionExceptionHandler {
    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable)
        throws Throwable {
      if (throwable instanceof AssertionError || throwable instanceof RuntimeException) {
        AssertionError failure =
            new AssertionError(
                "[" + context.getDisplayName() + ", replay with -Dtests.seed=<seed>] "
                    + throwable.getMessage(),
                throwable);
        throw failure;
      }
      throw throwable;
    }
  }
}
