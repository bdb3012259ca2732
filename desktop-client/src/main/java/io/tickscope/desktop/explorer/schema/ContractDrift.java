package io.tickscope.desktop.explorer.schema;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What differs between the contract the app was built with and the one a server describes through reflection:
 * messages missing on the server, and fields that are missing, added, renumbered or retyped. Only files the server
 * describes count (by file name): a server need not offer every service, and another service beside ours is not
 * drift.
 */
public final class ContractDrift {

    private ContractDrift() {}

    /**
     * Returns one line per difference between {@code builtIn} and the same messages in {@code server}, such as
     * {@code "tickscope.pricing.v1.Quote.base_price: string on the server, google.type.Money here"}; empty when
     * they agree.
     */
    public static List<String> between(List<FileDescriptor> builtIn, ServiceCatalog server) {
        Set<String> described =
                server.files().stream().map(FileDescriptor::getName).collect(Collectors.toSet());
        List<FileDescriptor> shared = builtIn.stream()
                .filter(file -> described.contains(file.getName()))
                .toList();
        List<String> differences = new ArrayList<>();
        for (Descriptor ours : messagesOf(shared).values()) {
            var theirs = server.message(ours.getFullName());
            if (theirs.isEmpty()) {
                differences.add(ours.getFullName() + ": not on the server");
                continue;
            }
            compare(ours, theirs.get(), differences);
        }
        return differences;
    }

    private static void compare(Descriptor ours, Descriptor theirs, List<String> differences) {
        for (FieldDescriptor field : ours.getFields()) {
            FieldDescriptor same = theirs.findFieldByNumber(field.getNumber());
            String name = ours.getFullName() + "." + field.getName();
            if (same == null) {
                differences.add(name + " (" + field.getNumber() + "): not on the server");
            } else if (!same.getName().equals(field.getName())) {
                differences.add(name + " (" + field.getNumber() + "): called " + same.getName() + " on the server");
            } else if (!typeOf(same).equals(typeOf(field))) {
                differences.add(name + ": " + typeOf(same) + " on the server, " + typeOf(field) + " here");
            }
        }
        for (FieldDescriptor field : theirs.getFields()) {
            if (ours.findFieldByNumber(field.getNumber()) == null) {
                differences.add(ours.getFullName() + "." + field.getName() + " (" + field.getNumber()
                        + "): only on the server");
            }
        }
    }

    private static String typeOf(FieldDescriptor field) {
        String type =
                switch (field.getJavaType()) {
                    case MESSAGE -> field.getMessageType().getFullName();
                    case ENUM -> field.getEnumType().getFullName();
                    default -> field.getType().name().toLowerCase(java.util.Locale.ROOT);
                };
        return field.isRepeated() ? "repeated " + type : type;
    }

    /** Every message of {@code files}, nested ones included, by full name; map entries are their fields' business. */
    private static Map<String, Descriptor> messagesOf(List<FileDescriptor> files) {
        Map<String, Descriptor> messages = new TreeMap<>();
        for (FileDescriptor file : files) {
            file.getMessageTypes().forEach(type -> collect(type, messages));
        }
        return messages;
    }

    private static void collect(Descriptor type, Map<String, Descriptor> into) {
        if (type.getOptions().getMapEntry()) {
            return;
        }
        into.put(type.getFullName(), type);
        type.getNestedTypes().forEach(nested -> collect(nested, into));
    }
}
