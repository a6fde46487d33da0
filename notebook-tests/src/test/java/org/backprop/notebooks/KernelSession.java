package org.backprop.notebooks;

import com.google.gson.JsonObject;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * One kernel process and a minimal Jupyter client for it, speaking the Jupyter messaging protocol
 * (v5.3) over ZeroMQ on 127.0.0.1, as jupyter_client does: a connection file with five ports and an
 * HMAC-SHA256 key, DEALER sockets for shell and control, a SUB socket for iopub.
 *
 * <p>The kernel is {@code org.backprop.notebooks.kernel.KernelMain} (the IJava stand-in from src/main) in a fresh JVM
 * whose working directory is the notebook's folder and whose class path is the kernel's only.
 */
final class KernelSession implements AutoCloseable {
    private static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** A received message: msg_type, parent msg_id and content. */
    static final class Msg {
        final String type;
        final String parentId;
        final JsonObject content;

        Msg(String type, String parentId, JsonObject content) {
            this.type = type;
            this.parentId = parentId;
            this.content = content;
        }

        @Override
        public String toString() {
            return this.type + " " + this.content;
        }
    }

    /** Everything the kernel published for one execute_request, in order, and its reply. */
    static final class Execution {
        final List<Msg> iopub;
        final JsonObject reply;

        Execution(List<Msg> iopub, JsonObject reply) {
            this.iopub = iopub;
            this.reply = reply;
        }
    }

    /** Thrown when the kernel dies, does not start, or a cell exceeds its time. */
    static final class KernelException extends Exception {
        private static final long serialVersionUID = 1L;

        KernelException(String message) {
            super(message);
        }
    }

    private final Process process;
    private final Path logFile;
    private final ZMQ.Context context;
    private final ZMQ.Socket shell;
    private final ZMQ.Socket control;
    private final ZMQ.Socket iopub;
    private final ZMQ.Poller poller;
    private final Mac mac;
    private final String session = UUID.randomUUID().toString();

    private KernelSession(Process process, Path logFile, int[] ports, byte[] key) throws GeneralSecurityException {
        this.process = process;
        this.logFile = logFile;
        this.mac = Mac.getInstance("HmacSHA256");
        this.mac.init(new SecretKeySpec(key, "HmacSHA256"));
        this.context = ZMQ.context(1);
        this.shell = socket(SocketType.DEALER, ports[0]);
        this.iopub = socket(SocketType.SUB, ports[1]);
        this.iopub.subscribe(new byte[0]);
        this.control = socket(SocketType.DEALER, ports[3]);
        this.poller = this.context.poller(2);
        this.poller.register(this.shell, ZMQ.Poller.POLLIN);
        this.poller.register(this.iopub, ZMQ.Poller.POLLIN);
    }

    private ZMQ.Socket socket(SocketType type, int port) {
        ZMQ.Socket s = this.context.socket(type);
        s.setLinger(0);
        s.connect("tcp://127.0.0.1:" + port);
        return s;
    }

    /**
     * Starts a kernel JVM in {@code workingDir} and waits until it answers and its iopub messages reach us.
     */
    static KernelSession start(KernelLauncher launcher, Path workingDir, Path runDir, String label)
            throws IOException, KernelException {
        Files.createDirectories(runDir);
        int[] ports = freePorts(5);
        String key = UUID.randomUUID().toString();
        Path connectionFile = runDir.resolve(label + "-connection.json");
        JsonObject conn = new JsonObject();
        conn.addProperty("ip", "127.0.0.1");
        conn.addProperty("transport", "tcp");
        conn.addProperty("shell_port", ports[0]);
        conn.addProperty("iopub_port", ports[1]);
        conn.addProperty("stdin_port", ports[2]);
        conn.addProperty("control_port", ports[3]);
        conn.addProperty("hb_port", ports[4]);
        conn.addProperty("signature_scheme", "hmac-sha256");
        conn.addProperty("key", key);
        conn.addProperty("kernel_name", "java");
        Files.writeString(connectionFile, conn.toString(), StandardCharsets.UTF_8);

        Path log = runDir.resolve(label + "-kernel.log");
        Process process = launcher.launch(connectionFile, workingDir, log);
        KernelSession session;
        try {
            session = new KernelSession(process, log, ports, key.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            process.destroyForcibly();
            throw new IllegalStateException(e);
        }
        try {
            session.awaitReady(Duration.ofSeconds(90));
        } catch (KernelException | RuntimeException e) {
            session.close();
            throw e;
        }
        return session;
    }

    private static int[] freePorts(int n) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[n];
            for (int i = 0; i < n; i++) {
                ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                sockets.add(s);
                ports[i] = s.getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket s : sockets)
                s.close();
        }
    }

    /** kernel_info_request until one is answered and its status messages arrive on iopub (slow joiner). */
    private void awaitReady(Duration timeout) throws KernelException {
        Instant deadline = Instant.now().plus(timeout);
        boolean replied = false;
        while (Instant.now().isBefore(deadline)) {
            String id = send(this.shell, "kernel_info_request", new JsonObject());
            Instant until = replied ? Instant.now().plusMillis(1000) : deadline;
            boolean gotReply = false;
            boolean gotStatus = false;
            while (Instant.now().isBefore(until) && !(gotReply && gotStatus)) {
                checkAlive();
                if (this.poller.poll(100) <= 0)
                    continue;
                if (this.poller.pollin(0)) {
                    Msg m = receive(this.shell);
                    if (id.equals(m.parentId) && m.type.equals("kernel_info_reply")) {
                        gotReply = true;
                        replied = true;
                        until = Instant.now().plusMillis(1000);
                    }
                }
                if (this.poller.pollin(1)) {
                    Msg m = receive(this.iopub);
                    if (id.equals(m.parentId) && m.type.equals("status"))
                        gotStatus = true;
                }
            }
            if (gotReply && gotStatus)
                return;
        }
        throw new KernelException("the kernel did not become ready within " + timeout.toSeconds() + " s" + logTail());
    }

    /** Sends an execute_request and collects everything until the kernel is idle again. */
    Execution execute(String code, Duration timeout) throws KernelException {
        JsonObject content = new JsonObject();
        content.addProperty("code", code);
        content.addProperty("silent", false);
        content.addProperty("store_history", true);
        content.add("user_expressions", new JsonObject());
        content.addProperty("allow_stdin", false);
        content.addProperty("stop_on_error", true);
        String id = send(this.shell, "execute_request", content);

        List<Msg> published = new ArrayList<>();
        JsonObject reply = null;
        boolean idle = false;
        Instant deadline = Instant.now().plus(timeout);
        while (reply == null || !idle) {
            if (Instant.now().isAfter(deadline)) {
                this.process.destroyForcibly(); // a busy kernel would not answer a shutdown request
                throw new KernelException("the cell did not finish within " + timeout.toSeconds()
                        + " s (raise -Dnotebooks.cellTimeoutSeconds if it legitimately needs longer)");
            }
            checkAlive();
            if (this.poller.poll(200) <= 0)
                continue;
            if (this.poller.pollin(0)) {
                Msg m = receive(this.shell);
                if (id.equals(m.parentId) && m.type.equals("execute_reply"))
                    reply = m.content;
            }
            if (this.poller.pollin(1)) {
                Msg m = receive(this.iopub);
                if (!id.equals(m.parentId))
                    continue;
                if (m.type.equals("status")) {
                    if (m.content.has("execution_state") && "idle".equals(m.content.get("execution_state").getAsString()))
                        idle = true;
                } else if (!m.type.equals("execute_input")) {
                    published.add(m);
                }
            }
        }
        return new Execution(published, reply);
    }

    private void checkAlive() throws KernelException {
        if (!this.process.isAlive())
            throw new KernelException("the kernel process exited with code " + this.process.exitValue() + logTail());
    }

    String logTail() {
        try {
            if (!Files.exists(this.logFile))
                return "";
            // Without basekernel's routine "Loop starting/started" chatter.
            List<String> lines = new ArrayList<>();
            for (String line : Files.readAllLines(this.logFile, StandardCharsets.UTF_8)) {
                if (line.contains("io.github.spencerpark.jupyter.channels.Loop ") || line.startsWith("INFO: Loop")
                        || line.startsWith("INFO: Running loop"))
                    continue;
                lines.add(line);
            }
            if (lines.isEmpty())
                return "";
            List<String> tail = lines.subList(Math.max(0, lines.size() - 25), lines.size());
            return "\n--- kernel log (" + this.logFile + ") ---\n" + String.join("\n", tail);
        } catch (IOException e) {
            return "";
        }
    }

    private synchronized String send(ZMQ.Socket socket, String type, JsonObject content) {
        String id = UUID.randomUUID().toString();
        JsonObject header = new JsonObject();
        header.addProperty("msg_id", id);
        header.addProperty("username", "notebook-tests");
        header.addProperty("session", this.session);
        header.addProperty("date", ISO.format(Instant.now()));
        header.addProperty("msg_type", type);
        header.addProperty("version", "5.3");
        byte[][] parts = {
                bytes(header.toString()), bytes("{}"), bytes("{}"), bytes(content.toString())
        };
        socket.sendMore(DELIMITER);
        socket.sendMore(sign(parts));
        socket.sendMore(parts[0]);
        socket.sendMore(parts[1]);
        socket.sendMore(parts[2]);
        socket.send(parts[3]);
        return id;
    }

    private Msg receive(ZMQ.Socket socket) throws KernelException {
        byte[] frame = socket.recv();
        while (!Arrays.equals(frame, DELIMITER))
            frame = socket.recv();
        String signature = socket.recvStr();
        byte[][] parts = new byte[4][];
        for (int i = 0; i < 4; i++)
            parts[i] = socket.recv();
        while (socket.hasReceiveMore())
            socket.recv(); // buffers, unused
        if (!sign(parts).equals(signature))
            throw new KernelException("message from the kernel with a bad signature");
        JsonObject header = JupyterJson.parse(new String(parts[0], StandardCharsets.UTF_8)).getAsJsonObject();
        JsonObject parent = JupyterJson.parse(new String(parts[1], StandardCharsets.UTF_8)).getAsJsonObject();
        JsonObject content = JupyterJson.parse(new String(parts[3], StandardCharsets.UTF_8)).getAsJsonObject();
        String parentId = parent.has("msg_id") ? parent.get("msg_id").getAsString() : null;
        return new Msg(header.get("msg_type").getAsString(), parentId, content);
    }

    private synchronized String sign(byte[]... parts) {
        for (byte[] part : parts)
            this.mac.update(part);
        StringBuilder hex = new StringBuilder();
        for (byte b : this.mac.doFinal())
            hex.append(String.format("%02x", b));
        return hex.toString();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** shutdown_request on the control channel; the kernel then exits by itself (or is killed). */
    @Override
    public void close() {
        try {
            if (this.process.isAlive()) {
                JsonObject content = new JsonObject();
                content.addProperty("restart", false);
                send(this.control, "shutdown_request", content);
                if (!this.process.waitFor(10, TimeUnit.SECONDS))
                    this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            this.process.destroyForcibly();
        } finally {
            this.shell.close();
            this.control.close();
            this.iopub.close();
            this.poller.close();
            this.context.term();
        }
    }
}
