package io.github.remoteclusters.elasticsearch.internal.apply;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.security.ApiKey;
import co.elastic.clients.json.JsonpUtils;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.remoteclusters.elasticsearch.ApplyException;
import io.github.remoteclusters.elasticsearch.ApplyStep;
import io.github.remoteclusters.elasticsearch.internal.es.EsJson;
import io.github.remoteclusters.elasticsearch.internal.es.EsSession;
import java.io.IOException;
import java.util.List;

/**
 * Looks up the key a link relies on by the id its ownership record holds ({@code GET
 * /_security/api_key?id=...}) and says whether it can still be used: it exists, is not
 * invalidated and has not expired. A read, sent by no step. Not API.
 */
final class KeyCheck {

  private KeyCheck() {}

  /**
   * What the remote says of a key.
   *
   * @param usable whether it exists, is valid and has not expired
   * @param why why it cannot be used, for messages ("gone", "invalidated", "expired")
   * @param access its {@code access}, when usable
   */
  record State(boolean usable, String why, JsonNode access) {}

  static State of(EsSession remote, String id) {
    List<ApiKey> keys;
    try {
      keys = remote.client().security().getApiKey(g -> g.id(id)).apiKeys();
    } catch (ElasticsearchException e) {
      if (e.status() == 404) {
        return new State(false, "gone", null);
      }
      throw new ApplyException(remote.name(), null, ApplyStep.LIST_API_KEYS, 0,
          "cannot look up API key [" + id + "]: " + e.getMessage(), e);
    } catch (IOException | RuntimeException e) {
      throw new ApplyException(remote.name(), null, ApplyStep.LIST_API_KEYS, 0,
          "cannot look up API key [" + id + "]: " + e.getMessage(), e);
    }
    if (keys.isEmpty()) {
      return new State(false, "gone", null);
    }
    ApiKey key = keys.get(0);
    if (key.invalidated()) {
      return new State(false, "invalidated", null);
    }
    Long expiration = key.expiration();
    if (expiration != null && expiration <= System.currentTimeMillis()) {
      return new State(false, "expired", null);
    }
    JsonNode access = EsJson.object();
    if (key.access() != null) {
      try {
        access = EsJson.JSON.readTree(JsonpUtils.toJsonString(key.access(), remote.client()._jsonpMapper()));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("unreadable access of key " + id, e);
      }
    }
    return new State(true, null, access);
  }
}
