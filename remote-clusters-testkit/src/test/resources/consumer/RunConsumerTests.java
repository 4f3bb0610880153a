package consumer;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.PrintWriter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** Runs ConsumerTest on whatever JUnit is on the class path (launcher API stable since 1.0). */
public class RunConsumerTests {
  public static void main(String[] args) {
    Launcher launcher = LauncherFactory.create();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    launcher.execute(
        LauncherDiscoveryRequestBuilder.request().selectors(selectClass(ConsumerTest.class)).build(),
        listener);
    TestExecutionSummary summary = listener.getSummary();
    summary.printFailuresTo(new PrintWriter(System.out, true), 20);
    System.out.println(
        "found=" + summary.getTestsFoundCount()
            + " succeeded=" + summary.getTestsSucceededCount()
            + " failed=" + (summary.getTotalFailureCount()));
    System.exit(summary.getTotalFailureCount() == 0 && summary.getTestsSucceededCount() == 1 ? 0 : 1);
  }
}
