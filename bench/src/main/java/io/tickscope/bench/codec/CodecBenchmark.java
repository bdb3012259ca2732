package io.tickscope.bench.codec;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.tickscope.api.pricing.v1.GetPriceResponse;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Encodes and decodes a real GetPrice response and a real batch of 1,000 quotes as protobuf and as the JSON of
 * the REST routes. Protobuf's encoder reuses the size a message memoised on its first encoding; the server
 * encodes each response once, so its real cost is one size pass more than measured here.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CodecBenchmark {

    /** Where {@link CodecFixtures#write} saved the captured responses; set by the harness. */
    @Param("")
    public String fixtureDirectory = "";

    @Param({"GetPriceResponse", "GetPricesBatchResponse"})
    public String message = "";

    private Message decoded = GetPriceResponse.getDefaultInstance();
    private byte[] protobuf = new byte[0];
    private byte[] json = new byte[0];

    @Setup
    public void load() {
        decoded = CodecFixtures.read(Path.of(fixtureDirectory), message);
        protobuf = decoded.toByteArray();
        json = ServerJsonCodec.encode(decoded);
    }

    @Benchmark
    public byte[] encodeProtobuf() {
        return decoded.toByteArray();
    }

    @Benchmark
    public Message decodeProtobuf() throws InvalidProtocolBufferException {
        return decoded.getParserForType().parseFrom(protobuf);
    }

    @Benchmark
    public byte[] encodeJson() {
        return ServerJsonCodec.encode(decoded);
    }

    @Benchmark
    public Message decodeJson() {
        return ServerJsonCodec.decode(json, decoded);
    }
}
