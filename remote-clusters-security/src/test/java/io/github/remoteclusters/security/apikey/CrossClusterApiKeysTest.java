package io.github.remoteclusters.security.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.remoteclusters.compat.EsVersion;
import io.github.remoteclusters.security.SecurityInputException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CrossClusterApiKeysTest {

  static final EsVersion V9 = EsVersion.of(9, 1);

  static ApiKeyCheck check(String json) {
    return CrossClusterApiKeys.check(json.replace('\'', '"'), V9);
  }

  static List<String> messages(ApiKeyCheck check) {
    return check.problems().stream().map(p -> p.path() + ": " + p.message()).toList();
  }

  @Test
  void validRequestAcceptsObjectOrArrayAndStringOrArrayNames() {
    ApiKeyCheck check = check("{'name':'k','expiration':'30d','access':{'search':{'names':'logs-*',"
        + "'query':'{\\'term\\':{\\'a\\':1}}'},'replication':[{'names':['archive-*']}]},'metadata':{'team':'x'}}");
    assertThat(check.problems()).hasSize(1);
    assertThat(messages(check)).containsExactly(
        "access.search[0]: search does not support document or field level security if replication is assigned");
    ApiKeyCheck ok = check("{'name':'k','expiration':'30d','access':{'search':{'names':'logs-*',"
        + "'query':{'term':{'a':1}}}},'metadata':{'team':'x'}}");
    assertThat(ok.valid()).isTrue();
    assertThat(ok.warnings()).isEmpty();
    CreateCrossClusterApiKeyRequest request = ok.parsed().orElseThrow();
    assertThat(request.access().search().get(0).names()).containsExactly("logs-*");
    assertThat(request.access().search().get(0).query()).isEqualTo("{\"term\":{\"a\":1}}");
    assertThat(request.metadata()).containsEntry("team", "x");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      {'access':{'search':[{'names':'a'}]}}                                         | name: Required [name]
      {'name':'k'}                                                                  | access: Required [access]
      {'name':'','access':{'search':[{'names':'a'}]}}                               | name: api key name is required
      {'name':' k','access':{'search':[{'names':'a'}]}}                             | name: api key name may not begin or end with whitespace
      {'name':'_k','access':{'search':[{'names':'a'}]}}                             | name: api key name may not begin with an underscore
      {'name':'k','access':null}                                                    | access: [cross_cluster_api_key_request] access doesn't support values of type: VALUE_NULL
      {'name':'k','access':{'search':null}}                                         | access.search: [cross_cluster_api_key_request_access] search doesn't support values of type: VALUE_NULL
      {'name':'k','access':{'replication':null}}                                    | access.replication: [cross_cluster_api_key_request_access] replication doesn't support values of type: VALUE_NULL
      {'name':'k','access':{}}                                                      | access: must specify non-empty access for either [search] or [replication]
      {'name':'k','access':{'search':[],'replication':[]}}                          | access: must specify non-empty access for either [search] or [replication]
      {'name':'k','access':{'search':[{'names':'a','privileges':['read']}]}}        | access.search[0].privileges: failed to parse indices privileges for role [cross_cluster]. field [privileges] must not present
      {'name':'k','access':{'search':[{'query':{}}]}}                               | access.search[0]: failed to parse indices privileges for role [cross_cluster]. missing required [names] field
      {'name':'k','access':{'search':[{'names':[]}]}}                               | access.search[0].names: failed to parse indices privileges for role [cross_cluster]. [names] cannot be an empty array
      {'name':'k','access':{'search':[{'names':'a','foo':1}]}}                      | access.search[0].foo: failed to parse indices privileges for role [cross_cluster]. unexpected field [foo]
      {'name':'k','access':{'search':[{'names':'a','field_security':{'except':['x']}}]}} | access.search[0].field_security: failed to parse indices privileges for role [cross_cluster]. field_security requires grant if except is given
      {'name':'k','access':{'replication':[{'names':'a','query':{'match_all':{}}}]}} | access.replication[0]: replication does not support document or field level security
      {'name':'k','access':{'replication':[{'names':'a','field_security':{'grant':['f']}}]}} | access.replication[0]: replication does not support document or field level security
      {'name':'k','metadata':{'_x':1},'access':{'search':[{'names':'a'}]}}          | metadata: API key metadata keys may not start with [_]
      {'name':'k','expiration':'7y','access':{'search':[{'names':'a'}]}}     | expiration: failed to parse setting [expiration] with value [7y] as a time value: unit is missing or unrecognized
      {'name':'k','role_descriptors':{},'access':{'search':[{'names':'a'}]}}        | role_descriptors: [cross_cluster_api_key_request] unknown field [role_descriptors]
      {'name':'k','access':{'search':[{'names':'a'}],'other':[]}}                   | access.other: [cross_cluster_api_key_request_access] unknown field [other]
      """)
  void elasticsearchRulesAndMessages(String body, String expected) {
    ApiKeyCheck check = check(body);
    assertThat(check.valid()).isFalse();
    assertThat(messages(check)).containsExactly(expected);
    assertThat(check.parsed()).isEmpty();
  }

  @Test
  void longNameIsRejected() {
    String name = "k".repeat(257);
    assertThat(messages(check("{'name':'" + name + "','access':{'search':[{'names':'a'}]}}")))
        .containsExactly("name: api key name may not be more than 256 characters long");
    assertThat(check("{'name':'" + "k".repeat(256) + "','expiration':'1d','access':{'search':[{'names':'a'}]}}").valid()).isTrue();
  }

  @Test
  void loneStarGrantIsNotFieldLevelSecurity() {
    ApiKeyCheck check = check("{'name':'k','expiration':'1d','access':{'search':[{'names':'a','field_security':{'grant':['*']}}],"
        + "'replication':[{'names':'b','field_security':{'grant':['*']}}]}}");
    assertThat(check.problems()).isEmpty();
    ApiKeyCheck withExcept = check("{'name':'k','access':{'search':[{'names':'a','field_security':{'grant':['*'],'except':['secret']}}],"
        + "'replication':[{'names':'b'}]}}");
    assertThat(messages(withExcept)).containsExactly(
        "access.search[0]: search does not support document or field level security if replication is assigned");
  }

  @Test
  void searchDlsWithReplicationIsOnlyAWarningBefore814() {
    String body = "{'name':'k','expiration':'1d','access':{'search':[{'names':'a','query':'{}'}],'replication':[{'names':'b'}]}}"
        .replace('\'', '"');
    ApiKeyCheck old = CrossClusterApiKeys.check(body, EsVersion.of(8, 13));
    assertThat(old.valid()).isTrue();
    assertThat(old.warnings()).extracting(ApiKeyProblem::code)
        .contains(ApiKeyProblemCode.BREAKS_ON_UPGRADE, ApiKeyProblemCode.MISSING_PRIVILEGE, ApiKeyProblemCode.UNSUPPORTED_VERSION);
    assertThat(CrossClusterApiKeys.check(body, EsVersion.of(8, 14)).valid()).isFalse();
    assertThat(CrossClusterApiKeys.check(body, EsVersion.of(8, 9)).problems()).extracting(ApiKeyProblem::message)
        .contains("cross-cluster API keys need Elasticsearch 8.10 or later on the remote cluster, but the remote is 8.9");
  }

  @Test
  void certificateIdentityNeeds93() {
    String body = "{'name':'k','certificate_identity':'CN=local,O=x','expiration':'1d','access':{'search':[{'names':'a'}]}}"
        .replace('\'', '"');
    assertThat(CrossClusterApiKeys.check(body, EsVersion.of(9, 3)).parsed().orElseThrow().certificateIdentity())
        .isEqualTo("CN=local,O=x");
    assertThat(CrossClusterApiKeys.check(body, EsVersion.of(9, 2)).problems()).extracting(ApiKeyProblem::message)
        .containsExactly("[cross_cluster_api_key_request] unknown field [certificate_identity]"
            + " (certificate_identity needs 9.3 or later; remote is 9.2)");
  }

  @Test
  void leastPrivilegeWarnings() {
    ApiKeyCheck check = check("{'name':'k','access':{'search':[{'names':['*'],'allow_restricted_indices':true}]}}");
    assertThat(check.valid()).isTrue();
    assertThat(check.warnings()).extracting(ApiKeyProblem::code, ApiKeyProblem::path).containsExactly(
        org.assertj.core.groups.Tuple.tuple(ApiKeyProblemCode.ALL_INDICES, "access.search[0].names"),
        org.assertj.core.groups.Tuple.tuple(ApiKeyProblemCode.RESTRICTED_INDICES, "access.search[0].allow_restricted_indices"),
        org.assertj.core.groups.Tuple.tuple(ApiKeyProblemCode.NO_EXPIRATION, "expiration"));
  }

  @Test
  void roleDescriptorDependsOnVersion() {
    CrossClusterAccess access = new CrossClusterAccess(List.of(SearchAccess.of("logs-*")), List.of(ReplicationAccess.of("leader")));
    RoleDescriptorPreview v815 = access.roleDescriptor(EsVersion.of(8, 15));
    assertThat(v815.name()).isEqualTo("cross_cluster");
    assertThat(v815.cluster()).containsExactly("cross_cluster_search", "monitor_enrich", "cross_cluster_replication");
    assertThat(v815.indices()).extracting(IndicesPrivileges::privileges).containsExactly(
        List.of("read", "read_cross_cluster", "view_index_metadata"),
        List.of("cross_cluster_replication", "cross_cluster_replication_internal"));
    assertThat(access.roleDescriptor(EsVersion.of(8, 14)).cluster())
        .containsExactly("cross_cluster_search", "cross_cluster_replication");
    assertThat(new CrossClusterAccess(List.of(), List.of(ReplicationAccess.of("x"))).roleDescriptor(V9).cluster())
        .containsExactly("cross_cluster_replication");
    assertThat(v815.toJson()).contains("\"cross_cluster\"").contains("\"monitor_enrich\"");
  }

  @Test
  void parseThrowsTheFirstProblemAndRoundTripsJson() {
    assertThatThrownBy(() -> CrossClusterApiKeys.parse("{\"name\":\"k\",\"access\":{}}", V9))
        .isInstanceOf(SecurityInputException.class)
        .hasMessage("[access] is invalid: must specify non-empty access for either [search] or [replication]");
    assertThatThrownBy(() -> CrossClusterApiKeys.check("{\"name\":", V9))
        .isInstanceOf(SecurityInputException.class).hasMessageStartingWith("[request body] is invalid: the input is not well-formed JSON");
    assertThatThrownBy(() -> CrossClusterApiKeys.check("{\"name\":\"a\",\"name\":\"b\"}", V9))
        .hasMessageContaining("a field appears twice");
    CreateCrossClusterApiKeyRequest request = CrossClusterApiKeys.parse(
        "{\"name\":\"k\",\"expiration\":\"1d\",\"access\":{\"search\":[{\"names\":[\"a\"],\"field_security\":{\"grant\":[\"f\"]}}]}}", V9);
    assertThat(CrossClusterApiKeys.parse(request.toJson(), V9)).isEqualTo(request);
    CrossClusterAccess access = CrossClusterApiKeys.parseAccess(request.access().toJson(), V9);
    assertThat(access).isEqualTo(request.access());
  }

  @Test
  void notAnObject() {
    assertThat(messages(check("[1]"))).containsExactly(": request body must be a JSON object but found [START_ARRAY]");
  }
}
