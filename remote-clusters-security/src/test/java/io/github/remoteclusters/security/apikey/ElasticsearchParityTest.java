package io.github.remoteclusters.security.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.remoteclusters.compat.EsVersion;
import io.github.remoteclusters.security.SecurityInputException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cases ported from Elasticsearch's own tests ({@code CrossClusterApiKeyRoleDescriptorBuilderTests},
 * {@code CreateCrossClusterApiKeyRequestTests}, {@code RestCreateCrossClusterApiKeyActionTests},
 * {@code RoleDescriptorTests}, {@code RemoteClusterPermissionsTests}, {@code TimeValueTests}) and from
 * the parser code they exercise: same input, same outcome, same message.
 */
class ElasticsearchParityTest {

  static final EsVersion V9 = EsVersion.of(9, 1);

  static CrossClusterAccess access(String json) {
    return CrossClusterApiKeys.parseAccess(json.replace('\'', '"'), V9);
  }

  static List<String> accessProblems(String json) {
    return CrossClusterApiKeys.check(("{'name':'k','expiration':'1d','access':" + json + "}").replace('\'', '"'), V9)
        .problems().stream().map(ApiKeyProblem::message).toList();
  }

  static List<String> requestProblems(String json) {
    return CrossClusterApiKeys.check(json.replace('\'', '"'), V9).problems().stream().map(ApiKeyProblem::message).toList();
  }

  // CrossClusterApiKeyRoleDescriptorBuilderTests

  @Test
  void buildForSearchOnly() {
    RoleDescriptorPreview rd = access("{'search':[{'names':['metrics']}]}").roleDescriptor(V9);
    assertThat(rd.name()).isEqualTo("cross_cluster");
    assertThat(rd.cluster()).containsExactlyInAnyOrder("cross_cluster_search", "monitor_enrich");
    assertThat(rd.indices()).containsExactly(new IndicesPrivileges(List.of("metrics"),
        List.of("read", "read_cross_cluster", "view_index_metadata"), null, null, false));
  }

  @Test
  void buildForSearchWithDlsAndWithFls() {
    RoleDescriptorPreview dls = access("{'search':[{'names':['metrics'],'query':{'term':{'tag':42}}}]}").roleDescriptor(V9);
    assertThat(dls.cluster()).containsExactlyInAnyOrder("cross_cluster_search", "monitor_enrich");
    assertThat(dls.indices().get(0).query()).isEqualTo("{\"term\":{\"tag\":42}}");
    RoleDescriptorPreview fls = access("{'search':[{'names':['metrics'],'field_security':{'grant':['*'],'except':['private']}}]}")
        .roleDescriptor(V9);
    assertThat(fls.indices().get(0).fieldSecurity()).isEqualTo(new FieldSecurity(List.of("*"), List.of("private")));
  }

  @Test
  void buildForReplicationOnly() {
    RoleDescriptorPreview rd = access("{'replication':[{'names':['archive']}]}").roleDescriptor(V9);
    assertThat(rd.cluster()).containsExactly("cross_cluster_replication");
    assertThat(rd.indices()).containsExactly(new IndicesPrivileges(List.of("archive"),
        List.of("cross_cluster_replication", "cross_cluster_replication_internal"), null, null, false));
  }

  @Test
  void buildForSearchAndReplication() {
    RoleDescriptorPreview rd = access("{'search':[{'names':['metrics']},{'names':['logs']}],"
        + "'replication':[{'names':['archive'],'allow_restricted_indices':true}]}").roleDescriptor(V9);
    // CCS_AND_CCR_CLUSTER_PRIVILEGE_NAMES: the search privileges, then the replication one
    assertThat(rd.cluster()).containsExactly("cross_cluster_search", "monitor_enrich", "cross_cluster_replication");
    assertThat(rd.indices()).extracting(IndicesPrivileges::names)
        .containsExactly(List.of("metrics"), List.of("logs"), List.of("archive"));
    assertThat(rd.indices().get(2).allowRestrictedIndices()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{'search':[{'names':['metrics'],'query':{'term':{'tag':42}}}],'replication':[{'names':['archive']}]}",
      "{'search':[{'names':['metrics'],'field_security':{'grant':['*'],'except':['private']}}],'replication':[{'names':['archive']}]}",
      "{'search':[{'names':['metrics'],'query':{'term':{'tag':42}},'field_security':{'grant':['*'],'except':['private']}}],"
          + "'replication':[{'names':['archive']}]}"})
  void searchAndReplicationWithDlsOrFls(String json) {
    assertThat(accessProblems(json))
        .containsExactly("search does not support document or field level security if replication is assigned");
  }

  @ParameterizedTest
  @ValueSource(strings = {"search", "replication"})
  void explicitlySpecifyingPrivilegesIsNotAllowed(String kind) {
    assertThat(accessProblems("{'" + kind + "':[{'names':['metrics'],'privileges':['read']}]}")).containsExactly(
        "failed to parse indices privileges for role [cross_cluster]. field [privileges] must not present");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{}", "{'search':[]}", "{'replication':[]}", "{'search':[],'replication':[]}"})
  void emptyAccessIsNotAllowed(String json) {
    assertThat(accessProblems(json)).containsExactly("must specify non-empty access for either [search] or [replication]");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{'search':null}", "{'replication':null}", "{'search':null,'replication':null}"})
  void nullAccessListsAreParseErrors(String json) {
    assertThat(accessProblems(json)).allMatch(m -> m.contains("doesn't support values of type: VALUE_NULL"));
  }

  @Test
  void buildChecksSearchBeforeReplication() {
    assertThat(accessProblems("{'search':[{'names':'a','query':{'match_all':{}}}],"
        + "'replication':[{'names':'b','query':{'match_all':{}}}]}")).containsExactly(
        "search does not support document or field level security if replication is assigned",
        "replication does not support document or field level security");
  }

  // CreateCrossClusterApiKeyRequestTests / RestCreateCrossClusterApiKeyActionTests

  @ParameterizedTest
  @ValueSource(strings = {
      "{'search':[{'names':['logs']}]}",
      "{'search':[{'names':['logs'],'query':'abc'}]}",
      "{'search':[{'names':['logs'],'field_security':{'grant':['*'],'except':['private']}}]}",
      "{'search':[{'names':['logs'],'query':'abc','field_security':{'grant':['*'],'except':['private']}}]}",
      "{'replication':[{'names':['archive'],'allow_restricted_indices':true}]}",
      "{'replication':[{'names':['archive']}]}",
      "{'search':[{'names':['logs']}],'replication':[{'names':['archive']}]}"})
  void accessCandidatesAreValid(String json) {
    assertThat(accessProblems(json)).isEmpty();
  }

  @Test
  void restRequestHasCrossClusterRoleDescriptorAndNoMetadata() {
    CreateCrossClusterApiKeyRequest request = CrossClusterApiKeys.parse(
        "{'name':'my-key','access':{'search':[{'names':['logs']}]}}".replace('\'', '"'), EsVersion.of(8, 14));
    assertThat(request.name()).isEqualTo("my-key");
    assertThat(request.metadata()).isEmpty();
    RoleDescriptorPreview rd = request.access().roleDescriptor(EsVersion.of(8, 14));
    assertThat(rd.cluster()).containsExactly("cross_cluster_search");
    assertThat(rd.indices()).containsExactly(new IndicesPrivileges(List.of("logs"),
        List.of("read", "read_cross_cluster", "view_index_metadata"), null, null, false));
  }

  // RestCreateCrossClusterApiKeyAction parser: every declared field is typed, null is not a value

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      {'name':'k','expiration':null,'access':{'search':[{'names':'a'}]}} | [cross_cluster_api_key_request] expiration doesn't support values of type: VALUE_NULL
      {'name':'k','metadata':null,'access':{'search':[{'names':'a'}]}}   | [cross_cluster_api_key_request] metadata doesn't support values of type: VALUE_NULL
      {'name':null,'access':{'search':[{'names':'a'}]}}                  | [cross_cluster_api_key_request] name doesn't support values of type: VALUE_NULL
      {'name':1,'access':{'search':[{'names':'a'}]}}                     | [cross_cluster_api_key_request] name doesn't support values of type: VALUE_NUMBER
      {'name':'k','expiration':30,'access':{'search':[{'names':'a'}]}}   | [cross_cluster_api_key_request] expiration doesn't support values of type: VALUE_NUMBER
      {'name':'k','acess':{'search':[{'names':'a'}]}}                    | [cross_cluster_api_key_request] unknown field [acess] did you mean [access]?
      {'name':'k','access':{'serach':[{'names':'a'}]}}                   | [cross_cluster_api_key_request_access] unknown field [serach] did you mean [search]?
      {'name':'k','access':{'search':'logs'}}                            | [cross_cluster_api_key_request_access] search doesn't support values of type: VALUE_STRING
      """)
  void requestParserMessages(String body, String expected) {
    assertThat(requestProblems(body)).contains(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      {}                                      | Required [name, access]
      {'metadata':{}}                         | Required [name, access]
      {'name':'k'}                            | Required [access]
      {'access':{'search':[{'names':'a'}]}}   | Required [name]
      """)
  void constructingObjectParserNamesAllMissingFields(String body, String expected) {
    assertThat(requestProblems(body)).contains(expected);
  }

  // RoleDescriptor.parseIndexWithPredefinedPrivileges

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      {'search':['logs']}                                                 | failed to parse indices privileges for role [cross_cluster]. expected field [search] value to be an array of objects, but found an array element of type [VALUE_STRING]
      {'search':[null]}                                                   | failed to parse indices privileges for role [cross_cluster]. expected field [search] value to be an array of objects, but found an array element of type [VALUE_NULL]
      {'search':[{'names':1}]}                                            | failed to parse indices privileges for role [cross_cluster]. expected field [names] value to be a string or an array of strings, but found [VALUE_NUMBER] instead
      {'search':[{'names':'a','allow_restricted_indices':'true'}]}        | failed to parse indices privileges for role [cross_cluster]. expected field [allow_restricted_indices] value to be a boolean, but found [VALUE_STRING] instead
      {'search':[{'names':'a','query':1}]}                                | failed to parse indices privileges for role [cross_cluster]. expected field [query] value to be null, a string, an array, or an object, but found [VALUE_NUMBER] instead
      {'search':[{'names':'a','field_security':'f'}]}                     | failed to parse indices privileges for role [cross_cluster]. expected START_OBJECT but got VALUE_STRING in "field_security".
      {'search':[{'names':'a','field_security':{}}]}                      | failed to parse indices privileges for role [cross_cluster]. "field_security" must not be empty.
      {'search':[{'names':'a','field_security':{'grant':['a'],'deny':['b']}}]} | failed to parse indices privileges for role [cross_cluster]. "field_security" only accepts options grant and except, but got: deny
      {'search':[{'names':'a','field_security':{'grant':null}}]}          | failed to parse indices privileges for role [cross_cluster]. grant must not be null.
      {'search':[{'names':'a','field_security':{'grant':['*'],'except':null}}]} | failed to parse indices privileges for role [cross_cluster]. except must not be null.
      {'search':[{'names':'a','fields':['f']}]}                           | ["fields": [...]] format has changed for field permissions in role [cross_cluster], use ["field_security": {"grant":[...],"except":[...]}] instead
      {'search':[{'names':'a','field_security':{'grant':['f1','f2'],'except':['f3']}}]} | failed to parse indices privileges for role [cross_cluster] - Exceptions for field permissions must be a subset of the granted fields but f3 is not a subset of f1,f2
      {'search':[{'names':'a','field_security':{'grant':['field*'],'except':['_field3']}}]} | failed to parse indices privileges for role [cross_cluster] - Exceptions for field permissions must be a subset of the granted fields but _field3 is not a subset of field*
      """)
  void indexEntryParserMessages(String access, String expected) {
    assertThat(accessProblems(access)).containsExactly(expected);
  }

  @Test
  void stringArraysMustBeArraysOfStrings() {
    assertThat(accessProblems("{'search':[{'names':'a','field_security':{'grant':'f'}}]}")).singleElement()
        .asString().startsWith("failed to parse indices privileges for role [cross_cluster]")
        .contains("could not parse [grant] field. expected a string array but found [VALUE_STRING] value instead");
    assertThat(accessProblems("{'search':[{'names':['a',1]}]}")).singleElement()
        .asString().startsWith("failed to parse indices privileges for role [cross_cluster]")
        .contains("could not parse [names] field. expected a string value but found [VALUE_NUMBER] instead");
  }

  @Test
  void acceptedEntryShapes() {
    // an empty query string is no query; transient_metadata is skipped; except within grant patterns
    CrossClusterAccess parsed = access("{'search':[{'names':'a','query':'','transient_metadata':{'x':1}},"
        + "{'names':'b','field_security':{'grant':['f*','g'],'except':['f1','f*x']}}]}");
    assertThat(parsed.search().get(0).query()).isNull();
    assertThat(parsed.search().get(1).fieldSecurity()).isEqualTo(new FieldSecurity(List.of("f*", "g"), List.of("f1", "f*x")));
  }

  // AbstractCreateApiKeyRequest.validate(): String.trim(), not Unicode whitespace

  @Test
  void nameWhitespaceIsWhatStringTrimRemoves() {
    assertThat(requestProblems("{'name':'k\\u0001','expiration':'1d','access':{'search':[{'names':'a'}]}}"))
        .containsExactly("api key name may not begin or end with whitespace");
    assertThat(requestProblems("{'name':'\\u2003k','expiration':'1d','access':{'search':[{'names':'a'}]}}")).isEmpty();
  }

  @Test
  void problemsComeInElasticsearchOrder() {
    // parse errors, then missing fields, then values, then build rules, then validate()
    assertThatThrownBy(() -> CrossClusterApiKeys.parse(
        "{'name':'_k','expiration':'7y','access':{'search':[{'names':'a','x':1}]}}".replace('\'', '"'), V9))
        .isInstanceOf(SecurityInputException.class)
        .hasMessageContaining("unexpected field [x]");
    assertThat(requestProblems("{'name':'_k','metadata':{'_m':1},'expiration':'7y','access':{}}")).containsExactly(
        "failed to parse setting [expiration] with value [7y] as a time value: unit is missing or unrecognized",
        "must specify non-empty access for either [search] or [replication]",
        "api key name may not begin with an underscore",
        "API key metadata keys may not start with [_]");
  }

  // CertificateIdentity (9.3)

  @Test
  void certificateIdentityMustBeARegex() {
    assertThat(CrossClusterApiKeys.check(("{'name':'k','expiration':'1d','certificate_identity':'CN=(x',"
        + "'access':{'search':[{'names':'a'}]}}").replace('\'', '"'), EsVersion.of(9, 3)).problems())
        .extracting(ApiKeyProblem::code, ApiKeyProblem::message)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(ApiKeyProblemCode.INVALID_CERTIFICATE_IDENTITY,
            "Invalid certificate_identity format: [CN=(x]. Must be a valid regex."));
  }

  // TimeValue.parseTimeValue: minutes are checked on the raw, untrimmed text

  @Test
  void expirationMinutesAreCaseSensitiveAndUntrimmed() {
    assertThat(requestProblems("{'name':'k','expiration':'5m ','access':{'search':[{'names':'a'}]}}")).containsExactly(
        "failed to parse setting [expiration] with value [5m ] as a time value: unit is missing or unrecognized");
    assertThat(requestProblems("{'name':'k','expiration':'5M','access':{'search':[{'names':'a'}]}}")).containsExactly(
        "failed to parse setting [expiration] with value [5M] as a time value: unit is missing or unrecognized");
    assertThat(requestProblems("{'name':'k','expiration':' 5 m','access':{'search':[{'names':'a'}]}}")).isEmpty();
    assertThat(requestProblems("{'name':'k','expiration':'5D ','access':{'search':[{'names':'a'}]}}")).isEmpty();
  }

  // RoleDescriptorTests.testParseInvalidRemoteCluster / RemoteClusterPermissionGroup

  @Test
  void remoteClusterMessages() {
    LocalRole role = LocalRole.builder("test")
        .remoteCluster(new RemoteClusterPrivileges(List.of("monitor_stats", "read_pipeline"), List.of("*"))).build();
    assertThat(role.validate(V9)).extracting(ApiKeyProblem::message).containsExactly(
        "failed to parse remote_cluster for role [test]. [monitor_enrich, monitor_stats] are the only values allowed"
            + " for [privileges] within [remote_cluster]. Found [monitor_stats, read_pipeline]");
    LocalRole upperCase = LocalRole.builder("test")
        .remoteCluster(new RemoteClusterPrivileges(List.of("MONITOR_ENRICH", " monitor_stats "), List.of("*"))).build();
    assertThat(upperCase.validate(V9)).isEmpty();
    LocalRole blankAlias = LocalRole.builder("test")
        .remoteCluster(new RemoteClusterPrivileges(List.of("monitor_enrich"), List.of(""))).build();
    assertThat(blankAlias.validate(V9)).extracting(ApiKeyProblem::message)
        .containsExactly("remote_cluster clusters aliases must contain valid non-empty, non-null values");
    LocalRole missingClusters = LocalRole.builder("test")
        .remoteCluster(new RemoteClusterPrivileges(List.of("monitor_enrich"), List.of()),
            new RemoteClusterPrivileges(List.of(), List.of("two", "three"))).build();
    assertThat(missingClusters.validate(V9)).extracting(ApiKeyProblem::message).containsExactly(
        "failed to parse remote_cluster for role [test]. [clusters] must be defined when [privileges] are defined",
        "failed to parse remote_cluster for role [test]. [privileges] must be defined when [clusters] are defined");
  }

  // RoleDescriptor.parseIndexWithOptionalRemoteClusters for remote_indices

  @Test
  void remoteIndicesMessages() {
    LocalRole role = LocalRole.builder("test").remoteIndices(
        new RemoteIndicesPrivileges(List.of("rc"), List.of(), List.of("read"), null, null, false),
        new RemoteIndicesPrivileges(List.of("rc"), List.of("idx1", "idx2"), List.of("p1"), null,
            new FieldSecurity(List.of("f1", "f2"), List.of("f3")), false),
        new RemoteIndicesPrivileges(List.of("rc"), List.of("idx"), List.of("read"), null,
            new FieldSecurity(List.of("f*"), List.of("f1")), false)).build();
    assertThat(role.validate(V9)).extracting(ApiKeyProblem::message).containsExactly(
        "failed to parse indices privileges for role [test]. [names] cannot be an empty array",
        "failed to parse indices privileges for role [test] - Exceptions for field permissions must be a subset of"
            + " the granted fields but f3 is not a subset of f1,f2");
  }

  // PutRoleRequestTests: empty aliases

  @Test
  void emptyClusterAliases() {
    LocalRole role = LocalRole.builder("test").remoteIndices(
        RemoteIndicesPrivileges.of(List.of("abcde", ""), List.of("index"), List.of("read")),
        RemoteIndicesPrivileges.of(List.of("abcde", "*", "* "), List.of("index"), List.of("read"))).build();
    assertThat(role.validate(V9)).extracting(ApiKeyProblem::message)
        .containsExactly("remote index cluster alias cannot be an empty string");
    LocalRole cluster = LocalRole.builder("test").remoteCluster(
        new RemoteClusterPrivileges(List.of("monitor_enrich"), List.of("valid")),
        new RemoteClusterPrivileges(List.of("monitor_enrich"), List.of(""))).build();
    assertThat(cluster.validate(V9)).extracting(ApiKeyProblem::message)
        .containsExactly("remote_cluster clusters aliases must contain valid non-empty, non-null values");
  }
}
