package io.tickscope.desktop.explorer.schema;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds linked {@link FileDescriptor}s from the {@link FileDescriptorProto}s a server's reflection sends or a
 * descriptor set file holds: each file is built after the files it imports, in any order they came.
 */
public final class FileDescriptors {

    private FileDescriptors() {}

    /**
     * Returns every file of {@code protos}, linked to its imports.
     *
     * @throws IllegalArgumentException naming the file, when an import is missing or a file does not link
     */
    public static List<FileDescriptor> build(Collection<FileDescriptorProto> protos) {
        Map<String, FileDescriptorProto> byName = new LinkedHashMap<>();
        for (FileDescriptorProto proto : protos) {
            byName.putIfAbsent(proto.getName(), proto);
        }
        Map<String, FileDescriptor> built = new LinkedHashMap<>();
        for (String name : byName.keySet()) {
            build(name, byName, built, new HashSet<>());
        }
        return List.copyOf(built.values());
    }

    /**
     * Reads a {@code FileDescriptorSet} file (what {@code protoc --include_imports --descriptor_set_out} and
     * {@code buf build -o x.binpb} write) and builds its files.
     */
    public static List<FileDescriptor> readSet(Path file) throws IOException {
        requireNonNull(file, "file");
        FileDescriptorSet set;
        try {
            set = FileDescriptorSet.parseFrom(Files.readAllBytes(file));
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException(
                    file + ": not a FileDescriptorSet (expected: the output of protoc --descriptor_set_out or buf"
                            + " build -o)",
                    e);
        }
        return build(set.getFileList());
    }

    private static FileDescriptor build(
            String name,
            Map<String, FileDescriptorProto> byName,
            Map<String, FileDescriptor> built,
            Set<String> inProgress) {
        FileDescriptor done = built.get(name);
        if (done != null) {
            return done;
        }
        FileDescriptorProto proto = byName.get(name);
        if (proto == null) {
            throw new IllegalArgumentException(
                    "import: " + name + " (expected: among the files; open a descriptor set built with its imports)");
        }
        if (!inProgress.add(name)) {
            throw new IllegalArgumentException("import cycle through " + name);
        }
        List<FileDescriptor> dependencies = new ArrayList<>();
        for (String dependency : proto.getDependencyList()) {
            dependencies.add(build(dependency, byName, built, inProgress));
        }
        try {
            FileDescriptor file = FileDescriptor.buildFrom(proto, dependencies.toArray(FileDescriptor[]::new));
            built.put(name, file);
            return file;
        } catch (DescriptorValidationException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }
}
