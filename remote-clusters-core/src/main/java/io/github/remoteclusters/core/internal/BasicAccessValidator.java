package io.github.remoteclusters.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.remoteclusters.compat.EsVersion;
import io.github.remoteclusters.core.Problem;
import io.github.remoteclusters.core.ProblemCode;
import io.github.remoteclusters.core.plan.AccessValidator;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The structural rules of a cross-cluster API key's {@code access} body, with Elasticsearch's
 * messages; used until the security module's validator is plugged in. Not API.
 */
public final class BasicAccessValidator implements AccessValidator {

  /** The shared instance. */
  public static final BasicAccessValidator INSTANCE = new BasicAccessValidator();

  private static final String ROLE = "failed to parse indices privileges for role [cross_cluster]. ";
  private static final Set<String> SEARCH_FIELDS =
      Set.of("names", "query", "field_security", "allow_restricted_indices");
  private static final Set<String> REPLICATION_FIELDS =
      Set.of("names", "allow_restricted_indices", "query", "field_security");

  private BasicAccessValidator() {}

  @Override
  public List<Problem> validate(ObjectNode access, String path, EsVersion remoteVersion) {
    List<Problem> out = new ArrayList<>();
    Iterator<String> names = access.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!name.equals("search") && !name.equals("replication")) {
        out.add(problem(path + "." + name, "access: unknown field [" + name + "]"));
      }
    }
    List<JsonNode> search = entries(access, "search", path, out);
    List<JsonNode> replication = entries(access, "replication", path, out);
    if (!out.isEmpty()) {
      return out;
    }
    if (search.isEmpty() && replication.isEmpty()) {
      out.add(problem(path, "must specify non-empty access for either [search] or [replication]"));
      return out;
    }
    boolean dlsOrFls = false;
    for (int i = 0; i < search.size(); i++) {
      dlsOrFls |= entry(search.get(i), path + ".search[" + i + "]", SEARCH_FIELDS, out);
    }
    for (int i = 0; i < replication.size(); i++) {
      String at = path + ".replication[" + i + "]";
      if (entry(replication.get(i), at, REPLICATION_FIELDS, out)) {
        out.add(problem(at, "replication does not support document or field level security"));
      }
    }
    if (dlsOrFls && !replication.isEmpty() && remoteVersion.isAtLeast(8, 14)) {
      out.add(
          problem(
              path,
              "search does not support document or field level security if replication is"
                  + " assigned"));
    }
    return out;
  }

  private static List<JsonNode> entries(
      ObjectNode access, String field, String path, List<Problem> out) {
    JsonNode node = access.get(field);
    List<JsonNode> list = new ArrayList<>();
    if (node == null) {
      return list;
    }
    if (node.isNull()) {
      out.add(problem(path + "." + field, "[" + field + "] doesn't support values of type: VALUE_NULL"));
    } else if (node.isArray()) {
      node.forEach(list::add);
    } else {
      list.add(node);
    }
    return list;
  }

  /** Checks one entry; true when it has document or field level security. */
  private static boolean entry(JsonNode entry, String at, Set<String> fields, List<Problem> out) {
    if (!entry.isObject()) {
      out.add(problem(at, ROLE + "expected an object but found " + Json.typeName(entry)));
      return false;
    }
    Iterator<String> names = entry.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (name.equals("privileges")) {
        out.add(problem(at + ".privileges", ROLE + "field [privileges] must not present"));
      } else if (!fields.contains(name)) {
        out.add(problem(at + "." + name, ROLE + "unexpected field [" + name + "]"));
      }
    }
    JsonNode indexNames = entry.get("names");
    if (indexNames == null || indexNames.isNull()) {
      out.add(problem(at, ROLE + "missing required [names] field"));
    } else if (indexNames.isArray() && indexNames.isEmpty()) {
      out.add(problem(at + ".names", ROLE + "[names] cannot be an empty array"));
    }
    JsonNode fls = entry.get("field_security");
    if (fls != null && fls.isObject() && fls.has("except") && !fls.has("grant")) {
      out.add(
          problem(at + ".field_security", ROLE + "field_security requires grant if except is given"));
    }
    boolean dls = entry.hasNonNull("query");
    return dls || isFls(fls);
  }

  private static boolean isFls(JsonNode fls) {
    if (fls == null || fls.isNull()) {
      return false;
    }
    JsonNode grant = fls.get("grant");
    JsonNode except = fls.get("except");
    boolean grantAll =
        grant != null && grant.isArray() && grant.size() == 1 && "*".equals(grant.get(0).asText());
    boolean noExcept = except == null || (except.isArray() && except.isEmpty());
    return !(grantAll && noExcept);
  }

  private static Problem problem(String path, String message) {
    return new Problem(ProblemCode.ACCESS_INVALID, path, message);
  }
}
