/**
 * Implementation details of the security module (BouncyCastle and Jackson code). This package is
 * not API: it is not exported, and anything in it may change or disappear in any release.
 */
package io.github.remoteclusters.security.internal;
