/** JMH microbenchmarks of the message codecs: protobuf against the JSON the server speaks. */
@NullMarked
package io.tickscope.bench.codec;

import org.jspecify.annotations.NullMarked;
