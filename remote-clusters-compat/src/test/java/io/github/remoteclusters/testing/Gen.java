package io.github.remoteclusters.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * A seeded source of random test inputs, one per generated case of a {@link SeededCases} test.
 *
 * <p>Its {@code toString} is the seed, so the seed is in the test's display name and, through
 * {@link SeededCases}, in every failure message. Replay one case with {@code -Dtests.seed=SEED}.
 */
public final class Gen {

  /** Characters that break parsers more often than random ones do. */
  private static final String EDGE_CHARS =
      "\u0000\t\n\r \"'\\{}[]:,.-_*#&!|>%@`~\u00a0\u00e9\u2028\u202e\ufeff\uffff\ud800";

  private final long seed;
  private final Random random;

  Gen(long seed) {
    this.seed = seed;
    this.random = new Random(seed);
  }

  /** {@return the seed this case was generated from} */
  public long seed() {
    return seed;
  }

  /** {@return the underlying random source, for generators that need it directly} */
  public Random random() {
    return random;
  }

  /** {@return a uniformly chosen int in {@code [min, max]}} */
  public int intBetween(int min, int max) {
    return min + random.nextInt(max - min + 1);
  }

  /** {@return any int, biased towards edge values} */
  public int anyInt() {
    switch (random.nextInt(6)) {
      case 0:
        return oneOf(List.of(0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE));
      case 1:
        return intBetween(-100, 100);
      default:
        return random.nextInt();
    }
  }

  /** {@return true or false} */
  public boolean bool() {
    return random.nextBoolean();
  }

  /** {@return one of the given items} */
  public <T> T oneOf(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }

  /** {@return a list of 0 to {@code maxSize} generated items} */
  public <T> List<T> list(int maxSize, Supplier<T> item) {
    return list(0, maxSize, item);
  }

  /** {@return a list of {@code minSize} to {@code maxSize} generated items} */
  public <T> List<T> list(int minSize, int maxSize, Supplier<T> item) {
    int size = intBetween(minSize, maxSize);
    List<T> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      out.add(item.get());
    }
    return out;
  }

  /** {@return a string of 0 to {@code maxLength} characters taken from {@code alphabet}} */
  public String string(String alphabet, int maxLength) {
    return string(alphabet, 0, maxLength);
  }

  /** {@return a string of {@code minLength} to {@code maxLength} characters from {@code alphabet}} */
  public String string(String alphabet, int minLength, int maxLength) {
    int length = intBetween(minLength, maxLength);
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return out.toString();
  }

  /** {@return any string of up to 255 characters: empty, ASCII, edge and any UTF-16 unit} */
  public String anyString() {
    int length = random.nextInt(8) == 0 ? 0 : intBetween(1, random.nextBoolean() ? 12 : 255);
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(anyChar());
    }
    return out.toString();
  }

  /** {@return any UTF-16 code unit: printable ASCII, an edge character or any other} */
  public char anyChar() {
    switch (random.nextInt(4)) {
      case 0:
      case 1:
        return (char) intBetween(0x20, 0x7e);
      case 2:
        return EDGE_CHARS.charAt(random.nextInt(EDGE_CHARS.length()));
      default:
        return (char) random.nextInt(Character.MAX_VALUE + 1);
    }
  }

  @Override
  public String toString() {
    return "seed=" + seed;
  }
}
