package dev.paygate.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.paygate.iso8583.message.CardRequest;
import dev.paygate.iso8583.message.CardResponse;
import dev.paygate.iso8583.message.NetworkManagementCode;
import dev.paygate.iso8583.message.NetworkManagementResponse;
import dev.paygate.iso8583.packager.FrameCodec;
import dev.paygate.iso8583.packager.MessageCodec;
import dev.paygate.iso8583.packager.NetworkProfile;
import dev.paygate.simulator.support.Requests;
import dev.paygate.simulator.support.SimulatorClient;
import dev.paygate.simulator.support.Simulators;
import dev.paygate.simulator.support.TestCards;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.jpos.iso.ISOMsg;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Thousands of random and mutated frames into the simulator's sockets, while a well-behaved client
 * keeps its own connection open: the simulator neither crashes nor stalls, and serves valid
 * clients, old and new, afterwards. Seeded, so a failure replays.
 */
class SimulatorFuzzTest {

    private static final long SEED = 4_2_8583L;
    private static final int FRAMES_PER_ENDPOINT = 3_000;
    private static final int FRAMES_PER_CONNECTION_MAX = 4;
    private static final int GARBAGE_BYTES_MAX = 300;
    private static final Duration BOUND = Duration.ofSeconds(60);
    /** How long the fuzzer waits for the simulator to answer or hang up before moving on. */
    private static final int FUZZ_READ_TIMEOUT_MILLIS = 500;

    private static SimulatorConfig config;
    private static BankSimulator simulator;

    @BeforeAll
    static void startSimulator() {
        config = Simulators.repositoryConfig();
        simulator = BankSimulator.start(config);
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"cardnet-a", "cardnet-b"})
    void survivesRandomAndMutatedFramesAndKeepsServing(String endpoint) throws Exception {
        NetworkProfile profile = SimulatorClient.profile(config, endpoint);
        MessageCodec codec = new MessageCodec(profile.packager());
        FrameCodec frames = FrameCodec.forProfile(profile);
        List<byte[]> seeds = List.of(
                codec.pack(Requests.authorization(TestCards.EVERYDAY, 1_000).toIsoMsg()),
                codec.pack(Requests.purchase(TestCards.CARDNET_B_EVERYDAY, 1_000).toIsoMsg()),
                codec.pack(Requests.networkManagement(NetworkManagementCode.ECHO).toIsoMsg()));
        Random random = new Random(SEED + endpoint.hashCode());

        try (SimulatorClient bystander = SimulatorClient.connect(simulator, config, endpoint)) {
            int sent = assertTimeoutPreemptively(BOUND, () -> fuzz(endpoint, profile, frames, seeds, random));

            assertThat(sent).isEqualTo(FRAMES_PER_ENDPOINT);
            assertServes(bystander);
        }
        try (SimulatorClient newcomer = SimulatorClient.connect(simulator, config, endpoint)) {
            assertServes(newcomer);
        }
    }

    private static int fuzz(String endpoint, NetworkProfile profile, FrameCodec frames, List<byte[]> seeds, Random random)
            throws IOException {
        int sent = 0;
        while (sent < FRAMES_PER_ENDPOINT) {
            try (Socket socket = new Socket("127.0.0.1", simulator.port(endpoint))) {
                socket.setSoTimeout(FUZZ_READ_TIMEOUT_MILLIS);
                OutputStream out = socket.getOutputStream();
                int framesOnThisConnection = 1 + random.nextInt(FRAMES_PER_CONNECTION_MAX);
                try {
                    for (int i = 0; i < framesOnThisConnection && sent < FRAMES_PER_ENDPOINT; i++, sent++) {
                        out.write(nextFrame(profile, frames, seeds, random, sent));
                    }
                    out.flush();
                    // End of stream tells the simulator there is no more; it answers what it could read and hangs up.
                    socket.shutdownOutput();
                    drain(socket.getInputStream());
                } catch (IOException closedBySimulator) {
                    // The simulator may hang up mid-stream on a frame it cannot read: the next connection goes on.
                }
            }
        }
        return sent;
    }

    /** Mostly mutated messages in correct frames, so they reach the unpacker; some raw noise. */
    private static byte[] nextFrame(NetworkProfile profile, FrameCodec frames, List<byte[]> seeds, Random random, int index) {
        if (index % 7 == 0) {
            byte[] noise = new byte[1 + random.nextInt(GARBAGE_BYTES_MAX)];
            random.nextBytes(noise);
            return noise;
        }
        byte[] message = seeds.get(random.nextInt(seeds.size())).clone();
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            int at = random.nextInt(message.length);
            switch (random.nextInt(3)) {
                case 0 -> message[at] ^= (byte) (1 << random.nextInt(8));
                case 1 -> message[at] = (byte) random.nextInt(256);
                default -> message = Arrays.copyOf(message, Math.max(1, at));
            }
        }
        byte[] frame = frames.encode(profile.header(), message);
        if (index % 11 == 0) {
            frame[random.nextInt(profile.framing().prefixBytes())] = (byte) random.nextInt(256);
        }
        return frame;
    }

    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[1024];
        try {
            while (in.read(buffer) >= 0) {
                // The simulator may answer a frame it could read; the fuzzer does not care what.
            }
        } catch (SocketTimeoutException nothingMore) {
            // Expected: no answer within the fuzzer's patience.
        }
    }

    private static void assertServes(SimulatorClient client) throws Exception {
        CardRequest request = Requests.authorization(TestCards.ALWAYS_APPROVE, 1_000);
        ISOMsg answer = client.exchange(request.toIsoMsg());
        ISOMsg echo = client.exchange(Requests.networkManagement(NetworkManagementCode.ECHO).toIsoMsg());

        assertThat(CardResponse.fromIsoMsg(answer).isApproved()).isTrue();
        assertThat(NetworkManagementResponse.fromIsoMsg(echo).isApproved()).isTrue();
    }
}
