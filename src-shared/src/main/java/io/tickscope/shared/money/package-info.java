/** Exact money amounts and their conversion to and from the contract's {@code google.type.Money}. */
@NullMarked
package io.tickscope.shared.money;

import org.jspecify.annotations.NullMarked;
