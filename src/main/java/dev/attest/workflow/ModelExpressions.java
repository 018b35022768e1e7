package dev.attest.workflow;

import java.util.Set;
import java.util.function.Predicate;

import org.camunda.bpm.impl.juel.AstBinary;
import org.camunda.bpm.impl.juel.AstBoolean;
import org.camunda.bpm.impl.juel.AstChoice;
import org.camunda.bpm.impl.juel.AstComposite;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstEval;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNested;
import org.camunda.bpm.impl.juel.AstNull;
import org.camunda.bpm.impl.juel.AstNumber;
import org.camunda.bpm.impl.juel.AstParameters;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.AstText;
import org.camunda.bpm.impl.juel.AstUnary;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * The expressions a model may hold, checked on the syntax tree that the engine's own JUEL parser builds (so
 * escapes, quoting and composite text are read exactly as the engine reads them). Allowed:
 * <ul>
 * <li>literals, process variables and operators: {@code ${round >= maxRounds && !approved}};</li>
 * <li>an allow-listed process bean, named on its own ({@code ${recordTriageDelegate}}) or with one of its methods
 * called directly, with arguments that are again only literals, variables and operators:
 * {@code ${slaTimers.warning('Task_ReviewDocument')}};</li>
 * <li>four properties of the execution: {@code #{execution.processBusinessKey}}.</li>
 * </ul>
 * Everything else is refused: functions ({@code fn:...}, {@code now()}), {@code [ ]} access, properties or
 * methods of variables, literals or results ({@code ''.getClass()}), chains, the engine's own objects
 * ({@code task}, {@code execution} on its own, ...), and text the parser does not accept (JUEL has no
 * assignments, lambdas or statements). The engine's resolvers refuse the same at run time
 * ({@link EngineHardening}).
 */
public final class ModelExpressions {

    /** The execution's properties an expression may read. */
    public static final Set<String> EXECUTION_PROPERTIES = Set.of("processBusinessKey", "businessKey",
            "processInstanceId", "currentActivityId");

    /**
     * Names the engine's resolvers (and Spring's or Camunda's defaults) give a meaning of their own; never a process
     * variable in an expression.
     */
    static final Set<String> ENGINE_NAMES = Set.of("execution", "caseExecution", "task", "externalTask",
            "authenticatedUserId", "variableScope", "variableContext", "processEngine", "processEngineServices",
            "processEngineConfiguration", "logger", "connector", "applicationContext", "environment",
            "systemProperties", "systemEnvironment", "dateTime", "beans");

    /** Methods no expression may call, whatever they are called on. */
    static final Set<String> OBJECT_METHODS = Set.of("getClass", "hashCode", "equals", "toString", "notify",
            "notifyAll", "wait", "clone", "finalize");

    private ModelExpressions() {
    }

    /**
     * Why the engine may not evaluate this text, or null if it may. Text without {@code ${} or {@code #{} is literal
     * text to the engine and always passes.
     *
     * @param allowedBean whether a name is one of the process beans models may use
     */
    public static String problem(String text, Predicate<String> allowedBean) {
        try {
            return new Check(allowedBean).node(parse(text));
        } catch (TreeBuilderException e) {
            return "The expression does not parse: " + e.getMessage();
        } catch (StackOverflowError e) {
            return TOO_DEEP;
        }
    }

    private static final String TOO_DEEP = "The expression is nested too deeply";

    /**
     * Why this is not a delegate expression naming an allowed process bean (only {@code ${bean}} or {@code #{bean}}),
     * or null if it is.
     */
    public static String delegateProblem(String text, Predicate<String> allowedBean) {
        Node root;
        try {
            root = parse(text);
        } catch (TreeBuilderException e) {
            return "The expression does not parse: " + e.getMessage();
        } catch (StackOverflowError e) {
            return TOO_DEEP;
        }
        if (root instanceof AstEval eval && eval.getChild(0) instanceof AstIdentifier id) {
            return allowedBean.test(id.getName()) ? null
                    : "Unknown delegate bean '" + id.getName() + "': it is not one of Attest's process beans";
        }
        return "A delegate expression must name one of Attest's process beans, like ${recordTriageDelegate}; found "
                + abbreviate(text);
    }

    private static Node parse(String text) {
        return new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS).build(text).getRoot();
    }

    static String abbreviate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 117) + "...";
    }

    private record Check(Predicate<String> allowedBean) {

        String node(Node n) {
            if (n instanceof AstText || n instanceof AstString || n instanceof AstNumber || n instanceof AstBoolean
                    || n instanceof AstNull) {
                return null;
            }
            if (n instanceof AstIdentifier id) {
                return identifier(id.getName());
            }
            if (n instanceof AstMethod method) {
                return method(method);
            }
            if (n instanceof AstDot dot) {
                return dot(dot);
            }
            if (n instanceof AstComposite || n instanceof AstEval || n instanceof AstNested || n instanceof AstBinary
                    || n instanceof AstUnary || n instanceof AstChoice) {
                return children(n);
            }
            return describe(n) + " is not allowed in an expression";
        }

        private String children(Node n) {
            for (int i = 0; i < n.getCardinality(); i++) {
                String problem = node(n.getChild(i));
                if (problem != null) {
                    return problem;
                }
            }
            return null;
        }

        private String identifier(String name) {
            if (ENGINE_NAMES.contains(name)) {
                return "The engine object '" + name + "' may not be used in an expression"
                        + ("execution".equals(name) ? " (only execution.processBusinessKey, businessKey, "
                                + "processInstanceId and currentActivityId may be read)" : "");
            }
            return null;
        }

        private String dot(AstDot dot) {
            String property = property(dot);
            Node base = dot.getChild(0);
            if (base instanceof AstIdentifier id && id.getName().equals("execution")) {
                return EXECUTION_PROPERTIES.contains(property) ? null
                        : "Only execution.processBusinessKey, businessKey, processInstanceId and currentActivityId "
                                + "may be read from the execution, not execution." + property;
            }
            if (base instanceof AstIdentifier id && allowedBean.test(id.getName())) {
                return "Only methods of Attest's process beans may be called, not properties read: "
                        + id.getName() + "." + property;
            }
            return "Methods and properties may be used only on Attest's process beans, not ." + property + " on "
                    + describe(base);
        }

        private String method(AstMethod method) {
            Node target = method.getChild(0);
            if (!(target instanceof AstDot dot)) {
                return "Only methods of Attest's process beans may be called ([ ] is not allowed)";
            }
            String name = property(dot);
            Node base = dot.getChild(0);
            if (base instanceof AstMethod || base instanceof AstDot) {
                return "Chained calls are not allowed: ." + name + "(...) is called on " + describe(base);
            }
            if (!(base instanceof AstIdentifier bean)) {
                return "Methods may be called only on Attest's process beans, not ." + name + "(...) on "
                        + describe(base);
            }
            if (!allowedBean.test(bean.getName())) {
                return "'" + bean.getName() + "' is not one of Attest's process beans, so " + bean.getName() + "."
                        + name + "(...) is not allowed";
            }
            if (OBJECT_METHODS.contains(name)) {
                return name + "() may not be called";
            }
            AstParameters parameters = (AstParameters) method.getChild(1);
            for (int i = 0; i < parameters.getCardinality(); i++) {
                String problem = argument(parameters.getChild(i), bean.getName() + "." + name);
                if (problem != null) {
                    return problem;
                }
            }
            return null;
        }

        /** Arguments: literals, variables, execution properties and operators; no calls, no beans. */
        private String argument(Node n, String call) {
            if (n instanceof AstMethod) {
                return "Arguments of " + call + " may only be literals and process variables, not calls";
            }
            if (n instanceof AstIdentifier id && allowedBean.test(id.getName())) {
                return "Arguments of " + call + " may only be literals and process variables, not the bean "
                        + id.getName();
            }
            if (n instanceof AstDot || n instanceof AstIdentifier || n.getCardinality() == 0) {
                return node(n);
            }
            if (n instanceof AstNested || n instanceof AstBinary || n instanceof AstUnary || n instanceof AstChoice) {
                for (int i = 0; i < n.getCardinality(); i++) {
                    String problem = argument(n.getChild(i), call);
                    if (problem != null) {
                        return problem;
                    }
                }
                return null;
            }
            return node(n);
        }

        private static String property(AstDot dot) {
            // the parser prints a property access as ". name"
            return dot.toString().substring(2);
        }

        private static String describe(Node n) {
            if (n instanceof AstIdentifier id) {
                return "'" + id.getName() + "'";
            }
            if (n instanceof AstString || n instanceof AstNumber || n instanceof AstBoolean || n instanceof AstNull) {
                return "the literal " + n;
            }
            if (n instanceof AstMethod) {
                return "the result of a call";
            }
            if (n instanceof AstDot dot) {
                return "the result of ." + property(dot);
            }
            String kind = n.getClass().getSimpleName();
            return switch (kind) {
                case "AstBracket" -> "Indexing with [ ]";
                case "AstFunction" -> "The function " + n + "(...)";
                default -> "The construct " + n;
            };
        }
    }
}
