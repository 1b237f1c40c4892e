package dev.cemap.cli.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A report file that appears whole or not at all. It is opened before the scan, which creates its
 * folder and a temporary file beside it (so a path that cannot be written fails the run before
 * any work), and {@link #commit} writes the content there and renames it over the target in one
 * step. A run that fails in between leaves the previous file, if any, as it was.
 */
public final class AtomicOutputFile implements AutoCloseable {

    private final Path target;
    private final Path temporary;
    private boolean committed;

    private AtomicOutputFile(Path target, Path temporary) {
        this.target = target;
        this.temporary = temporary;
    }

    /**
     * @throws IOException when the folder cannot be created or written, or the target is a folder
     */
    public static AtomicOutputFile open(Path file) throws IOException {
        Path target = file.toAbsolutePath().normalize();
        if (Files.isDirectory(target)) {
            throw new IOException("it is a directory");
        }
        Path folder = target.getParent();
        Files.createDirectories(folder);
        // Same folder, so that the rename never crosses file systems and can be atomic.
        Path temporary = Files.createTempFile(folder, "." + target.getFileName() + ".", ".tmp");
        return new AtomicOutputFile(target, temporary);
    }

    public Path target() {
        return target;
    }

    public void commit(byte[] content) throws IOException {
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
                OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
            out.write(content);
            out.flush();
            channel.force(true);
        }
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Some network and FUSE file systems cannot rename atomically; a plain replace is
            // still better than writing the target in place.
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
        committed = true;
    }

    /** Removes the temporary file unless it became the target. */
    @Override
    public void close() {
        if (!committed) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException e) {
                // a leftover hidden .tmp file is not worth failing a run for
            }
        }
    }
}
