/**
 * A throwaway public key infrastructure for tests: certificate authorities, server and client certificates made
 * at run time and written as PEM files into a temporary directory. No key is ever committed.
 */
@NullMarked
package io.tickscope.server.security.testing;

import org.jspecify.annotations.NullMarked;
