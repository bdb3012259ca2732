package io.tickscope.desktop.explorer.schema;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The services and methods one server offers, with the files that describe them: what reflection or a
 * descriptor set told the Explorer. Immutable.
 */
public final class ServiceCatalog {

    private final List<FileDescriptor> files;
    private final List<ServiceDescriptor> services;
    private final String source;

    private ServiceCatalog(List<FileDescriptor> files, List<ServiceDescriptor> services, String source) {
        this.files = files;
        this.services = services;
        this.source = source;
    }

    /**
     * Returns the catalogue of the services named {@code serviceNames} found in {@code files} (every service of
     * the files when empty); {@code source} says where they came from, such as "reflection v1".
     */
    public static ServiceCatalog of(List<FileDescriptor> files, List<String> serviceNames, String source) {
        Map<String, ServiceDescriptor> all = new LinkedHashMap<>();
        for (FileDescriptor file : files) {
            for (ServiceDescriptor service : file.getServices()) {
                all.put(service.getFullName(), service);
            }
        }
        List<ServiceDescriptor> chosen = new ArrayList<>();
        if (serviceNames.isEmpty()) {
            chosen.addAll(all.values());
        } else {
            for (String name : serviceNames) {
                ServiceDescriptor service = all.get(name);
                if (service != null) {
                    chosen.add(service);
                }
            }
        }
        chosen.sort(Comparator.comparing(ServiceDescriptor::getFullName));
        return new ServiceCatalog(List.copyOf(files), List.copyOf(chosen), requireNonNull(source, "source"));
    }

    public List<FileDescriptor> files() {
        return files;
    }

    public List<ServiceDescriptor> services() {
        return services;
    }

    /** Where the descriptors came from: "reflection v1", "reflection v1alpha" or a file's name. */
    public String source() {
        return source;
    }

    /** Returns the method called {@code fullName} ({@code package.Service/Method}), if offered. */
    public Optional<MethodDescriptor> method(String fullName) {
        int slash = fullName.lastIndexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        String serviceName = fullName.substring(0, slash);
        String methodName = fullName.substring(slash + 1);
        return services.stream()
                .filter(service -> service.getFullName().equals(serviceName))
                .map(service -> service.findMethodByName(methodName))
                .filter(method -> method != null)
                .findFirst();
    }

    /** Returns the message type called {@code fullName} in any file of the catalogue. */
    public Optional<Descriptor> message(String fullName) {
        for (FileDescriptor file : files) {
            String prefix = file.getPackage().isEmpty() ? "" : file.getPackage() + ".";
            if (!fullName.startsWith(prefix)) {
                continue;
            }
            Descriptor found = findNested(file, fullName.substring(prefix.length()));
            if (found != null) {
                return Optional.of(found);
            }
        }
        return Optional.empty();
    }

    private static @org.jspecify.annotations.Nullable Descriptor findNested(FileDescriptor file, String relative) {
        String[] parts = relative.split("\\.");
        Descriptor current = file.findMessageTypeByName(parts[0]);
        for (int i = 1; i < parts.length && current != null; i++) {
            current = current.findNestedTypeByName(parts[i]);
        }
        return current;
    }

    /** Returns the full name of {@code method} as gRPC addresses it: {@code package.Service/Method}. */
    public static String fullNameOf(MethodDescriptor method) {
        return method.getService().getFullName() + "/" + method.getName();
    }
}
