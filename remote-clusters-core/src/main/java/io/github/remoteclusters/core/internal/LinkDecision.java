package io.github.remoteclusters.core.internal;

import io.github.remoteclusters.core.SecurityModel;
import io.github.remoteclusters.core.plan.Connection;

/**
 * What was decided for one link, once: the planner writes its steps from it and its {@code Plan}
 * carries the decision to every executor. Not API.
 *
 * @param context the link, its clusters and the problems found
 * @param security the security model
 * @param connection how the local cluster connects; null for a removal
 * @param skipUnavailable the effective {@code skip_unavailable}
 */
record LinkDecision(
    LinkPlanner.Context context,
    SecurityModel security,
    Connection connection,
    boolean skipUnavailable) {}
