package io.github.remoteclusters.core.plan;

import io.github.remoteclusters.core.SecurityModel;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.remoteclusters.core.Mode;
import io.github.remoteclusters.core.TransportOptions;
import io.github.remoteclusters.core.internal.Json;
import io.github.remoteclusters.security.apikey.CrossClusterAccess;
import io.github.remoteclusters.security.apikey.LocalRole;
import io.github.remoteclusters.security.apikey.SearchAccess;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** One sample of every step payload, in every way it can be carried out; shared by tests. */
public final class StepSamples {

  private StepSamples() {}

  /** {@return every permitted payload kind} */
  public static Stream<Class<?>> payloadKinds() {
    return Arrays.stream(StepPayload.class.getPermittedSubclasses());
  }

  /**
   * A sample payload of a kind, for alias {@code x}.
   *
   * @param kind a permitted subclass of {@link StepPayload}
   * @return the sample
   */
  public static StepPayload sample(Class<?> kind) {
    CrossClusterAccess access = new CrossClusterAccess(List.of(SearchAccess.of("logs-*")), List.of());
    List<StepPayload> all = List.of(
        new StepPayload.PutRemoteSettings("x", new Connection.Sniff(List.of("h:9300"), null),
            true, TransportOptions.NONE),
        new StepPayload.RemoveRemoteSettings("x"),
        new StepPayload.CreateCrossClusterApiKey("x", "remote-clusters-a-x", "a", access),
        new StepPayload.UpdateCrossClusterApiKey("x", "id1", access),
        new StepPayload.InvalidateApiKeys("x", "remote-clusters-a-x", List.of()),
        new StepPayload.InvalidateOtherApiKeys("x", "remote-clusters-a-x"),
        new StepPayload.StoreCredentials("x", "remote-clusters-a-x"),
        new StepPayload.ReloadSecureSettings("x"),
        new StepPayload.CreateLocalRole("x",
            LocalRole.forCrossClusterSearch("remote-x", List.of("x"), List.of("logs-*"))),
        new StepPayload.VerifyConnected("x", Mode.SNIFF, true),
        new StepPayload.TrustCa("x", "b", true),
        new StepPayload.EnableRemoteClusterServer("x"),
        new StepPayload.ExposeService("x", "b-es-remote-cluster", true),
        new StepPayload.DeclareEckRemoteCluster("x", new EckResource("Elasticsearch", "b", "ns"),
            access),
        new StepPayload.RemoveEckRemoteCluster("x"),
        new StepPayload.RemoveCredentials("x"),
        new StepPayload.DeleteLocalRole("x", "remote-x"),
        new StepPayload.MigrateSecurityModel("x", SecurityModel.CERTIFICATE, SecurityModel.API_KEY),
        new StepPayload.Manual("x"));
    return all.stream().filter(kind::isInstance).findFirst().orElseThrow(() ->
        new AssertionError("no sample for new payload kind " + kind + ": add one to StepSamples"
            + " and handle it in the applier, the k8s adapter and the formatter"));
  }

  /**
   * Every step that carries a payload out: by request or ECK patch where the encoder knows one,
   * and always by instructions for a person.
   *
   * @param payload the payload
   * @return the steps, with target {@code a}
   */
  public static List<PlanStep> steps(StepPayload payload) {
    List<PlanStep> out = new ArrayList<>();
    if (StepEncoder.request(payload).isPresent()) {
      out.add(new ElasticsearchRequestStep("a", "d", payload));
    }
    if (StepEncoder.specPatch(payload).isPresent()) {
      out.add(new EckResourceStep("a", "d", new EckResource("Elasticsearch", "a", "ns"), payload));
    }
    out.add(new ManualStep("a", "d", payload, List.of("do it")));
    return out;
  }
}
