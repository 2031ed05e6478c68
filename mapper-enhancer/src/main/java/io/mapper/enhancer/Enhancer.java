package io.mapper.enhancer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * mapper's build-time enhancer: rewrites compiled entity classes so that they count the writes to their mapped
 * fields, which lets a session's flush skip the objects nobody wrote to instead of comparing each with its snapshot
 * (SQLAlchemy's attribute instrumentation, done at build time as Hibernate's bytecode enhancement is).
 *
 * <p>In a directory of compiled classes, each class annotated {@code @io.mapper.orm.annotation.Entity}, and each of
 * its superclasses in the directory, is enhanced:
 * <ul>
 * <li>the topmost of them implements {@code io.mapper.orm.state.Tracked} through a private transient counter and
 *     a private transient listener (the session's record of the object), told of each write;</li>
 * <li>each gets, per field that holds a column or a relationship (not static, final, {@code transient} or
 *     {@code @Transient}, nor an element collection or embedded object), a static method that writes the field and
 *     counts one write, with the field's own access; a relationship field also gets a private one that writes it
 *     without counting, for what mapper loads into it;</li>
 * <li>each is annotated {@code @io.mapper.orm.state.Enhanced}, which mapper checks before it trusts the count.</li>
 * </ul>
 * Then every write to such a field in any class of the directory ({@code PUTFIELD}: setters, other methods, nested
 * and other classes of the package) becomes a call of that method, except in the declaring class's constructors,
 * where the object is new. Added members are synthetic (JSON and bean tools skip them). Writes the directory does
 * not hold (another module's code, reflection such as {@code Field.set}) are not counted: keep mapped fields private
 * and write them through the class's methods. Running it again changes nothing.
 */
public final class Enhancer {

    static final String ENTITY = "Lio/mapper/orm/annotation/Entity;";
    static final String TRANSIENT = "Lio/mapper/orm/annotation/Transient;";
    static final String ENHANCED = "Lio/mapper/orm/state/Enhanced;";
    /**
     * Fields whose writes are not counted: element collections and embedded objects, whose values change in place
     * where no write shows (the flush compares them with their snapshots). Relationship fields are counted: mapper
     * sets what it loads into them without counting, and its collections tell the session of their changes.
     */
    static final Set<String> NOT_COUNTED = Set.of("Lio/mapper/orm/annotation/ElementCollection;",
            "Lio/mapper/orm/annotation/Embedded;");
    /** Relationship fields: besides the counting method, each gets one that writes it without counting. */
    static final Set<String> RELATIONSHIPS = Set.of("Lio/mapper/orm/annotation/OneToMany;",
            "Lio/mapper/orm/annotation/ManyToOne;", "Lio/mapper/orm/annotation/OneToOne;",
            "Lio/mapper/orm/annotation/ManyToMany;");
    static final String TRACKED = "io/mapper/orm/state/Tracked";
    static final String COUNTER = "$mapper$counter";
    static final String WRITES = "$mapper$writes";
    static final String WRITTEN = "$mapper$written";
    static final String LISTENER = "$mapper$listener";
    static final String WRITE_LISTENER = "io/mapper/orm/state/WriteListener";
    static final String SETTER_PREFIX = "$mapper$set$";
    static final String LOADER_PREFIX = "$mapper$load$";

    private final Map<String, ClassInfo> classes = new HashMap<>();
    private final Map<String, Path> files = new HashMap<>();
    private Set<String> targets = Set.of();

    /**
     * What one run did: the classes it enhanced, the other classes whose field writes it rewrote, and a warning per
     * counted field that is not private (code the enhancer does not rewrite may write it unseen).
     */
    public record Result(List<String> enhanced, List<String> rewritten, List<String> warnings) {
    }

    /** A class as the first pass reads it: its superclass, whether it is an entity, its instance fields. */
    private static final class ClassInfo {
        String name = "";
        String superName;
        boolean entity;
        boolean enhanced;
        boolean isInterface;
        final Map<String, FieldInfo> fields = new LinkedHashMap<>();
    }

    private record FieldInfo(String name, String descriptor, int access, boolean counted, boolean relationship) {
    }

    private Enhancer() {
    }

    /** Enhances the entity classes in {@code classes} (a compiler's output directory) and the writes to them. */
    public static Result enhance(Path classes) throws IOException {
        return enhance(classes, List.of());
    }

    /**
     * As {@link #enhance(Path)}, enhancing only the entities whose binary names start with one of {@code packages}
     * ({@code com.example.model}); every class's writes to those entities are still rewritten. Empty: all.
     */
    public static Result enhance(Path classes, List<String> packages) throws IOException {
        Enhancer enhancer = new Enhancer();
        enhancer.read(classes);
        Set<String> targets = enhancer.targets(packages);
        enhancer.targets = targets;
        List<String> enhanced = new ArrayList<>();
        List<String> rewritten = new ArrayList<>();
        for (Map.Entry<String, Path> file : enhancer.files.entrySet()) {
            String name = file.getKey();
            ClassInfo info = enhancer.classes.get(name);
            if (info.enhanced) {
                continue;    // an earlier run's work: its writes are calls already
            }
            boolean enhance = targets.contains(name);
            byte[] original = Files.readAllBytes(file.getValue());
            Rewrite rewrite = enhancer.rewrite(original, info, enhance,
                    enhance && !targets.contains(info.superName));
            if (rewrite.changed) {
                Files.write(file.getValue(), rewrite.bytes);
                (enhance ? enhanced : rewritten).add(name.replace('/', '.'));
            }
        }
        enhanced.sort(null);
        rewritten.sort(null);
        return new Result(enhanced, rewritten, enhancer.warnings(enhanced));
    }

    /**
     * A warning per counted field of {@code enhanced} that is not private: a write to it from code the enhancer
     * does not rewrite (another module, a class an IDE recompiled without {@code mapper:enhance}) is not seen.
     */
    private List<String> warnings(List<String> enhanced) {
        List<String> warnings = new ArrayList<>();
        for (String name : enhanced) {
            for (FieldInfo field : classes.get(name.replace('.', '/')).fields.values()) {
                if (field.counted() && (field.access() & Opcodes.ACC_PRIVATE) == 0) {
                    warnings.add(name + "." + field.name() + " is not private: a write to it from code the enhancer "
                            + "does not rewrite (another module, a class compiled without mapper:enhance) is not seen "
                            + "by the session. Make it private and write it through the class's methods, or call "
                            + "session.flagDirty(entity) after such a write.");
                }
            }
        }
        return warnings;
    }

    /** Command line: {@code Enhancer <classes directory> [package ...]}; prints what it changed. */
    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            throw new IllegalArgumentException("Usage: Enhancer <classes directory> [package ...], for example "
                    + "Enhancer target/classes com.example.model");
        }
        Path directory = Path.of(args[0]);
        if (!Files.exists(directory)) {
            System.out.println("[mapper enhancer] " + directory + " does not exist (nothing compiled): nothing to do");
            return;
        }
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("'" + directory + "' is not a directory of compiled classes; pass the "
                    + "compiler's output directory (target/classes).");
        }
        Result result = enhance(directory, List.of(args).subList(1, args.length));
        System.out.println("[mapper enhancer] " + directory + ": enhanced " + result.enhanced().size()
                + " entity classes " + result.enhanced() + ", rewrote field writes in " + result.rewritten().size()
                + " other classes " + result.rewritten());
        result.warnings().forEach(warning -> System.out.println("[mapper enhancer] warning: " + warning));
    }

    private void read(Path directory) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(directory)) {
            paths = walk.filter(path -> path.toString().endsWith(".class"))
                    .filter(path -> !path.getFileName().toString().equals("module-info.class"))
                    .filter(path -> !path.getFileName().toString().equals("package-info.class"))
                    .sorted().toList();
        }
        for (Path path : paths) {
            ClassInfo info = describe(Files.readAllBytes(path));
            classes.put(info.name, info);
            files.put(info.name, path);
        }
    }

    private static ClassInfo describe(byte[] bytes) {
        ClassInfo info = new ClassInfo();
        new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName,
                    String[] interfaces) {
                info.name = name;
                info.superName = superName;
                info.isInterface = (access & Opcodes.ACC_INTERFACE) != 0;
            }

            @Override
            public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
                info.entity |= ENTITY.equals(descriptor);
                info.enhanced |= ENHANCED.equals(descriptor);
                return null;
            }

            @Override
            public FieldVisitor visitField(int access, String name, String descriptor, String signature,
                    Object value) {
                if ((access & Opcodes.ACC_STATIC) != 0) {
                    return null;
                }
                // A final field is written only by its class's constructors, where the object is new.
                boolean counted = (access & (Opcodes.ACC_TRANSIENT | Opcodes.ACC_SYNTHETIC | Opcodes.ACC_FINAL)) == 0;
                info.fields.put(name, new FieldInfo(name, descriptor, access, counted, false));
                return new FieldVisitor(Opcodes.ASM9) {
                    @Override
                    public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                        FieldInfo known = info.fields.get(name);
                        if (TRANSIENT.equals(annotation) || NOT_COUNTED.contains(annotation)) {
                            info.fields.put(name, new FieldInfo(name, descriptor, access, false, false));
                        } else if (RELATIONSHIPS.contains(annotation) && known.counted()) {
                            info.fields.put(name, new FieldInfo(name, descriptor, access, true, true));
                        }
                        return null;
                    }
                };
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return info;
    }

    /** The entities to enhance and their superclasses in the directory (mapper maps a superclass's fields too). */
    private Set<String> targets(List<String> packages) {
        Set<String> targets = new HashSet<>();
        for (ClassInfo info : classes.values()) {
            if (!info.entity || info.isInterface || !inPackages(info.name, packages)) {
                continue;
            }
            for (ClassInfo level = info; level != null; level = classes.get(level.superName)) {
                targets.add(level.name);
            }
        }
        return targets;
    }

    private static boolean inPackages(String internalName, List<String> packages) {
        if (packages.isEmpty()) {
            return true;
        }
        String binary = internalName.replace('/', '.');
        return packages.stream().anyMatch(prefix -> binary.startsWith(prefix.endsWith(".") ? prefix : prefix + "."));
    }

    /**
     * The class that declares the field {@code name} an instruction names on {@code owner}, when it is a counted
     * field of an enhanced class (or one this run enhances), else null.
     */
    private ClassInfo countedOwner(String owner, String name) {
        for (ClassInfo level = classes.get(owner); level != null; level = classes.get(level.superName)) {
            FieldInfo field = level.fields.get(name);
            if (field != null) {
                return field.counted() && (targets.contains(level.name) || level.enhanced) ? level : null;
            }
        }
        return null;
    }

    private record Rewrite(byte[] bytes, boolean changed) {
    }

    private Rewrite rewrite(byte[] original, ClassInfo info, boolean enhance, boolean root) {
        ClassReader reader = new ClassReader(original);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        boolean[] changed = {enhance};
        int[] classVersion = {0};
        ClassVisitor visitor = new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName,
                    String[] interfaces) {
                classVersion[0] = version;
                String[] all = interfaces;
                if (root) {
                    all = java.util.Arrays.copyOf(interfaces, interfaces.length + 1);
                    all[interfaces.length] = TRACKED;
                }
                super.visit(version, access, name, signature, superName, all);
                if (enhance) {
                    AnnotationVisitor enhanced = super.visitAnnotation(ENHANCED, true);
                    AnnotationVisitor plain = enhanced.visitArray("plain");
                    for (String field : plainFields(original, info)) {
                        plain.visit(null, field);
                    }
                    plain.visitEnd();
                    enhanced.visitEnd();
                }
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                MethodVisitor method = super.visitMethod(access, name, descriptor, signature, exceptions);
                boolean constructor = name.equals("<init>");
                return new MethodVisitor(Opcodes.ASM9, method) {
                    @Override
                    public void visitFieldInsn(int opcode, String owner, String field, String fieldDescriptor) {
                        if (opcode == Opcodes.PUTFIELD) {
                            ClassInfo declaring = countedOwner(owner, field);
                            // In its own constructors the object is new (and before super() not yet an object).
                            if (declaring != null && !(constructor && declaring.name.equals(info.name))) {
                                changed[0] = true;
                                super.visitMethodInsn(Opcodes.INVOKESTATIC, declaring.name, SETTER_PREFIX + field,
                                        "(L" + declaring.name + ";" + fieldDescriptor + ")V", false);
                                return;
                            }
                        }
                        super.visitFieldInsn(opcode, owner, field, fieldDescriptor);
                    }
                };
            }

            @Override
            public void visitEnd() {
                if (root) {
                    addCounter(cv, info.name, classVersion[0]);
                }
                if (enhance) {
                    for (FieldInfo field : info.fields.values()) {
                        if (field.counted()) {
                            addSetter(cv, info.name, field);
                        }
                        if (field.counted() && field.relationship()) {
                            addLoader(cv, info.name, field);
                        }
                    }
                }
                super.visitEnd();
            }
        };
        reader.accept(visitor, 0);
        return new Rewrite(changed[0] ? writer.toByteArray() : original, changed[0]);
    }

    /**
     * The counted fields of {@code info} whose public getters and setter, where the class declares them (by the
     * names mapper looks for: {@code getName}, {@code isName}, {@code name()}, {@code setName}), only return and
     * write the field: {@code aload_0; getfield; return} and {@code aload_0; load_1; putfield; return}, as javac
     * compiles the plain accessors of a bean. A field without them is plain too. mapper then keeps a loaded object's
     * values as it set them instead of reading them back through the getters.
     */
    static List<String> plainFields(byte[] original, ClassInfo info) {
        Set<String> notPlain = new HashSet<>();
        new ClassReader(original).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                if ((access & Opcodes.ACC_STATIC) != 0 || (access & Opcodes.ACC_PUBLIC) == 0) {
                    return null;
                }
                FieldInfo field = accessed(info, name, descriptor);
                if (field == null) {
                    return null;
                }
                Type type = Type.getType(field.descriptor());
                List<String> expected = descriptor.startsWith("()")
                        ? List.of("var " + Opcodes.ALOAD + " 0",
                                "field " + Opcodes.GETFIELD + " " + info.name + "." + field.name(),
                                "insn " + type.getOpcode(Opcodes.IRETURN))
                        : List.of("var " + Opcodes.ALOAD + " 0", "var " + type.getOpcode(Opcodes.ILOAD) + " 1",
                                "field " + Opcodes.PUTFIELD + " " + info.name + "." + field.name(),
                                "insn " + Opcodes.RETURN);
                return new CodeRecorder() {
                    @Override
                    public void visitEnd() {
                        if (!code.equals(expected)) {
                            notPlain.add(field.name());
                        }
                    }
                };
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        List<String> plain = new ArrayList<>();
        for (FieldInfo field : info.fields.values()) {
            if (field.counted() && !notPlain.contains(field.name())) {
                plain.add(field.name());
            }
        }
        return plain;
    }

    /** The counted field whose getter or setter, by mapper's naming, a method of {@code info} would be; else null. */
    private static FieldInfo accessed(ClassInfo info, String method, String descriptor) {
        for (FieldInfo field : info.fields.values()) {
            if (!field.counted()) {
                continue;
            }
            String capitalized = Character.toUpperCase(field.name().charAt(0)) + field.name().substring(1);
            boolean getter = descriptor.equals("()" + field.descriptor()) && (method.equals("get" + capitalized)
                    || method.equals("is" + capitalized) || method.equals(field.name()));
            boolean setter = descriptor.equals("(" + field.descriptor() + ")V") && method.equals("set" + capitalized);
            if (getter || setter) {
                return field;
            }
        }
        return null;
    }

    /** Records a method's instructions as text, without labels, line numbers and frames. */
    private static class CodeRecorder extends MethodVisitor {

        final List<String> code = new ArrayList<>();

        CodeRecorder() {
            super(Opcodes.ASM9);
        }

        @Override
        public void visitInsn(int opcode) {
            code.add("insn " + opcode);
        }

        @Override
        public void visitVarInsn(int opcode, int variable) {
            code.add("var " + opcode + " " + variable);
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            code.add("field " + opcode + " " + owner + "." + name);
        }

        @Override
        public void visitIntInsn(int opcode, int operand) {
            code.add("other");
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            code.add("other");
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            code.add("other");
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, org.objectweb.asm.Handle bootstrap,
                Object... arguments) {
            code.add("other");
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            code.add("other");
        }

        @Override
        public void visitLdcInsn(Object value) {
            code.add("other");
        }

        @Override
        public void visitIincInsn(int variable, int increment) {
            code.add("other");
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, Label fallback, Label... labels) {
            code.add("other");
        }

        @Override
        public void visitLookupSwitchInsn(Label fallback, int[] keys, Label[] labels) {
            code.add("other");
        }

        @Override
        public void visitMultiANewArrayInsn(String descriptor, int dimensions) {
            code.add("other");
        }

        @Override
        public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
            code.add("other");
        }
    }

    /**
     * The counter and the listener (the session's record of the object, told of each write), {@code Tracked}'s
     * methods that read them and set the listener, and the method the setters call to count a write. The methods
     * are not final: an entity whose enhanced superclass lies in another directory (a library enhanced on its own)
     * becomes a top class too, and its methods then override the superclass's, whose setters count through them.
     */
    private static void addCounter(ClassVisitor visitor, String owner, int version) {
        String listenerType = "L" + WRITE_LISTENER + ";";
        visitor.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_TRANSIENT | Opcodes.ACC_SYNTHETIC, COUNTER, "J", null,
                null).visitEnd();
        visitor.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_TRANSIENT | Opcodes.ACC_SYNTHETIC, LISTENER, listenerType,
                null, null).visitEnd();
        addGetter(visitor, owner, LISTENER, LISTENER, listenerType);
        MethodVisitor listen = visitor.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_SYNTHETIC,
                LISTENER, "(" + listenerType + ")V", null, null);
        listen.visitCode();
        listen.visitVarInsn(Opcodes.ALOAD, 0);
        listen.visitVarInsn(Opcodes.ALOAD, 1);
        listen.visitFieldInsn(Opcodes.PUTFIELD, owner, LISTENER, listenerType);
        listen.visitInsn(Opcodes.RETURN);
        listen.visitMaxs(0, 0);
        listen.visitEnd();
        addGetter(visitor, owner, WRITES, COUNTER, "J");
        MethodVisitor written = visitor.visitMethod(Opcodes.ACC_PROTECTED | Opcodes.ACC_SYNTHETIC,
                WRITTEN, "()V", null, null);
        written.visitCode();
        written.visitVarInsn(Opcodes.ALOAD, 0);
        written.visitInsn(Opcodes.DUP);
        written.visitFieldInsn(Opcodes.GETFIELD, owner, COUNTER, "J");
        written.visitInsn(Opcodes.LCONST_1);
        written.visitInsn(Opcodes.LADD);
        written.visitFieldInsn(Opcodes.PUTFIELD, owner, COUNTER, "J");
        // if (listener != null) listener.written(this);
        Label none = new Label();
        written.visitVarInsn(Opcodes.ALOAD, 0);
        written.visitFieldInsn(Opcodes.GETFIELD, owner, LISTENER, listenerType);
        written.visitInsn(Opcodes.DUP);
        written.visitJumpInsn(Opcodes.IFNULL, none);
        written.visitVarInsn(Opcodes.ALOAD, 0);
        written.visitMethodInsn(Opcodes.INVOKEINTERFACE, WRITE_LISTENER, "written", "(Ljava/lang/Object;)V", true);
        written.visitInsn(Opcodes.RETURN);
        written.visitLabel(none);
        if ((version & 0xFFFF) >= Opcodes.V1_6) {
            written.visitFrame(Opcodes.F_SAME1, 0, null, 1, new Object[] {WRITE_LISTENER});
        }
        written.visitInsn(Opcodes.POP);
        written.visitInsn(Opcodes.RETURN);
        written.visitMaxs(0, 0);
        written.visitEnd();
    }

    /** {@code public T method()}, which returns the added field {@code field}. */
    private static void addGetter(ClassVisitor visitor, String owner, String method, String field, String descriptor) {
        MethodVisitor getter = visitor.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_SYNTHETIC, method, "()" + descriptor,
                null, null);
        getter.visitCode();
        getter.visitVarInsn(Opcodes.ALOAD, 0);
        getter.visitFieldInsn(Opcodes.GETFIELD, owner, field, descriptor);
        getter.visitInsn(Type.getType(descriptor).getOpcode(Opcodes.IRETURN));
        getter.visitMaxs(0, 0);
        getter.visitEnd();
    }

    /**
     * {@code private static void $mapper$load$name(Owner object, T value)}: writes a relationship field without
     * counting, for what mapper loads into it (the object's snapshot holds it too).
     */
    private static void addLoader(ClassVisitor visitor, String owner, FieldInfo field) {
        MethodVisitor loader = visitor.visitMethod(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC,
                LOADER_PREFIX + field.name(), "(L" + owner + ";" + field.descriptor() + ")V", null, null);
        loader.visitCode();
        loader.visitVarInsn(Opcodes.ALOAD, 0);
        loader.visitVarInsn(Type.getType(field.descriptor()).getOpcode(Opcodes.ILOAD), 1);
        loader.visitFieldInsn(Opcodes.PUTFIELD, owner, field.name(), field.descriptor());
        loader.visitInsn(Opcodes.RETURN);
        loader.visitMaxs(0, 0);
        loader.visitEnd();
    }

    /** {@code static void $mapper$set$name(Owner object, T value)}: writes the field, counts the write. */
    private static void addSetter(ClassVisitor visitor, String owner, FieldInfo field) {
        int access = field.access() & (Opcodes.ACC_PUBLIC | Opcodes.ACC_PROTECTED | Opcodes.ACC_PRIVATE);
        MethodVisitor setter = visitor.visitMethod(access | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC,
                SETTER_PREFIX + field.name(), "(L" + owner + ";" + field.descriptor() + ")V", null, null);
        setter.visitCode();
        setter.visitVarInsn(Opcodes.ALOAD, 0);
        setter.visitVarInsn(Type.getType(field.descriptor()).getOpcode(Opcodes.ILOAD), 1);
        setter.visitFieldInsn(Opcodes.PUTFIELD, owner, field.name(), field.descriptor());
        setter.visitVarInsn(Opcodes.ALOAD, 0);
        setter.visitMethodInsn(Opcodes.INVOKEVIRTUAL, owner, WRITTEN, "()V", false);
        setter.visitInsn(Opcodes.RETURN);
        setter.visitMaxs(0, 0);
        setter.visitEnd();
    }
}
