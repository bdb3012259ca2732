/**
 * Who may reach the server and how: TLS and mutual TLS from PEM files that reload without a restart, bearer
 * tokens with roles, and the policy for the admin surfaces (DocService, metrics, server reflection).
 * {@link io.tickscope.server.security.ServerSecurity} is the one entry point the server wires in.
 */
@NullMarked
package io.tickscope.server.security;

import org.jspecify.annotations.NullMarked;
