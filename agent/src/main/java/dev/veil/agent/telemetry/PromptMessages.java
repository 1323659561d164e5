package dev.veil.agent.telemetry;

import static dev.veil.agent.telemetry.JsonTree.list;
import static dev.veil.agent.telemetry.JsonTree.map;
import static dev.veil.agent.telemetry.JsonTree.string;

import dev.veil.agent.llm.ApiFamily;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a request body of a known wire format into the GenAI message schema: chat history as
 * {@code [{"role", "parts": [...]}]} and instructions given apart from it as a list of parts. Text parts,
 * tool calls and tool responses are kept; media and other parts are left out. Values are copied as sent
 * (the caller redacts them when it serialises).
 */
final class PromptMessages {
    final List<Map<String, Object>> system = new ArrayList<Map<String, Object>>();
    final List<Map<String, Object>> messages = new ArrayList<Map<String, Object>>();

    static PromptMessages read(ApiFamily family, Object body) {
        PromptMessages m = new PromptMessages();
        Map<String, Object> root = map(body);
        if (root == null) {
            return m;
        }
        switch (family) {
            case OPENAI_CHAT:
            case OLLAMA_CHAT:
            case COHERE_CHAT:
            case GENERIC:
                m.openAiMessages(root.get("messages"));
                break;
            case OPENAI_RESPONSES:
                m.systemText(root.get("instructions"));
                m.responsesInput(root.get("input"));
                break;
            case OPENAI_COMPLETIONS:
            case OLLAMA_GENERATE:
                m.systemText(root.get("system"));
                m.userPrompt(root.get("prompt"));
                break;
            case ANTHROPIC_MESSAGES:
                m.anthropic(root);
                break;
            case BEDROCK_INVOKE:
                if (root.get("messages") != null) {
                    m.anthropic(root);
                } else {
                    m.userPrompt(root.get("prompt") != null ? root.get("prompt") : root.get("inputText"));
                }
                break;
            case GEMINI_GENERATE:
                m.gemini(root);
                break;
            case BEDROCK_CONVERSE:
                m.converse(root);
                break;
            default:
                break; // embeddings: no chat history
        }
        return m;
    }

    private void openAiMessages(Object items) {
        for (Map<String, Object> msg : maps(items)) {
            String role = string(msg.get("role"));
            List<Object> parts = new ArrayList<Object>();
            if ("tool".equals(role)) {
                parts.add(toolResponse(msg.get("tool_call_id"), joinText(msg.get("content"))));
            } else {
                addTextParts(parts, msg.get("content"), "text");
            }
            for (Map<String, Object> call : maps(msg.get("tool_calls"))) {
                Map<String, Object> fn = map(call.get("function"));
                if (fn != null) {
                    parts.add(toolCall(call.get("id"), fn.get("name"), fn.get("arguments")));
                }
            }
            add(role == null ? "user" : role, parts);
        }
    }

    private void responsesInput(Object input) {
        if (input instanceof String) {
            userPrompt(input);
            return;
        }
        for (Map<String, Object> item : maps(input)) {
            String type = string(item.get("type"));
            if ("function_call".equals(type)) {
                add("assistant", single(toolCall(item.get("call_id"), item.get("name"), item.get("arguments"))));
            } else if ("function_call_output".equals(type)) {
                add("tool", single(toolResponse(item.get("call_id"), item.get("output"))));
            } else if (item.get("role") != null) {
                List<Object> parts = new ArrayList<Object>();
                addTextParts(parts, item.get("content"), "text", "input_text", "output_text");
                add(string(item.get("role")), parts);
            }
        }
    }

    private void anthropic(Map<String, Object> root) {
        systemText(root.get("system"));
        for (Map<String, Object> msg : maps(root.get("messages"))) {
            List<Object> parts = new ArrayList<Object>();
            Object content = msg.get("content");
            if (content instanceof String) {
                parts.add(text(content));
            } else {
                for (Map<String, Object> block : maps(content)) {
                    String type = string(block.get("type"));
                    if ("text".equals(type)) {
                        parts.add(text(block.get("text")));
                    } else if ("tool_use".equals(type)) {
                        parts.add(toolCall(block.get("id"), block.get("name"), block.get("input")));
                    } else if ("tool_result".equals(type)) {
                        parts.add(toolResponse(block.get("tool_use_id"), joinText(block.get("content"))));
                    }
                }
            }
            add(string(msg.get("role")), parts);
        }
    }

    private void gemini(Map<String, Object> root) {
        Map<String, Object> sys = map(root.get("systemInstruction") != null ? root.get("systemInstruction")
                : root.get("system_instruction"));
        if (sys != null) {
            for (Object p : geminiParts(sys.get("parts"))) {
                system.add(map(p));
            }
        }
        Object contents = root.get("contents");
        for (Map<String, Object> c : maps(map(contents) != null ? single(contents) : contents)) {
            String role = string(c.get("role"));
            add("model".equals(role) ? "assistant" : role == null ? "user" : role, geminiParts(c.get("parts")));
        }
    }

    private static List<Object> geminiParts(Object parts) {
        List<Object> out = new ArrayList<Object>();
        for (Map<String, Object> p : maps(parts)) {
            if (p.get("text") != null) {
                out.add(text(p.get("text")));
            } else if (map(p.get("functionCall")) != null) {
                Map<String, Object> fc = map(p.get("functionCall"));
                out.add(toolCall(fc.get("id"), fc.get("name"), fc.get("args")));
            } else if (map(p.get("functionResponse")) != null) {
                Map<String, Object> fr = map(p.get("functionResponse"));
                out.add(toolResponse(fr.get("id") != null ? fr.get("id") : fr.get("name"), fr.get("response")));
            }
        }
        return out;
    }

    private void converse(Map<String, Object> root) {
        for (Map<String, Object> block : maps(root.get("system"))) {
            if (block.get("text") != null) {
                system.add(text(block.get("text")));
            }
        }
        for (Map<String, Object> msg : maps(root.get("messages"))) {
            List<Object> parts = new ArrayList<Object>();
            for (Map<String, Object> block : maps(msg.get("content"))) {
                if (block.get("text") != null) {
                    parts.add(text(block.get("text")));
                } else if (map(block.get("toolUse")) != null) {
                    Map<String, Object> u = map(block.get("toolUse"));
                    parts.add(toolCall(u.get("toolUseId"), u.get("name"), u.get("input")));
                } else if (map(block.get("toolResult")) != null) {
                    Map<String, Object> r = map(block.get("toolResult"));
                    parts.add(toolResponse(r.get("toolUseId"), r.get("content")));
                }
            }
            add(string(msg.get("role")), parts);
        }
    }

    private void systemText(Object value) {
        List<Object> parts = new ArrayList<Object>();
        addTextParts(parts, value, "text");
        for (Object p : parts) {
            system.add(map(p));
        }
    }

    private void userPrompt(Object prompt) {
        List<Object> parts = new ArrayList<Object>();
        if (list(prompt) != null) {
            for (Object p : list(prompt)) {
                if (p instanceof String) {
                    parts.add(text(p));
                }
            }
        } else if (prompt instanceof String) {
            parts.add(text(prompt));
        }
        add("user", parts);
    }

    /** A string, or an array of blocks whose {@code type} is one of {@code textTypes}, as text parts. */
    private static void addTextParts(List<Object> parts, Object content, String... textTypes) {
        if (content instanceof String) {
            parts.add(text(content));
            return;
        }
        List<Object> blocks = list(content);
        if (blocks == null) {
            return;
        }
        for (Object b : blocks) {
            Map<String, Object> block = map(b);
            if (block == null) {
                if (b instanceof String) {
                    parts.add(text(b));
                }
                continue;
            }
            String type = string(block.get("type"));
            for (String t : textTypes) {
                if (t.equals(type) && block.get("text") != null) {
                    parts.add(text(block.get("text")));
                }
            }
        }
    }

    private static Object joinText(Object content) {
        if (content instanceof String || list(content) == null) {
            return content;
        }
        StringBuilder sb = new StringBuilder();
        for (Object b : list(content)) {
            Map<String, Object> block = map(b);
            if (block != null && block.get("text") instanceof String) {
                sb.append(block.get("text"));
            }
        }
        return sb.toString();
    }

    private void add(String role, List<Object> parts) {
        if (parts.isEmpty()) {
            return;
        }
        Map<String, Object> msg = new LinkedHashMap<String, Object>();
        msg.put("role", role == null ? "user" : role);
        msg.put("parts", parts);
        messages.add(msg);
    }

    static Map<String, Object> text(Object content) {
        Map<String, Object> part = new LinkedHashMap<String, Object>();
        part.put("type", "text");
        part.put("content", content instanceof String ? content : String.valueOf(content));
        return part;
    }

    private static Map<String, Object> toolCall(Object id, Object name, Object arguments) {
        Map<String, Object> part = new LinkedHashMap<String, Object>();
        part.put("type", "tool_call");
        if (id != null) {
            part.put("id", id);
        }
        part.put("name", name);
        if (arguments != null) {
            part.put("arguments", arguments);
        }
        return part;
    }

    private static Map<String, Object> toolResponse(Object id, Object response) {
        Map<String, Object> part = new LinkedHashMap<String, Object>();
        part.put("type", "tool_call_response");
        if (id != null) {
            part.put("id", id);
        }
        part.put("response", response);
        return part;
    }

    /** The objects of a JSON array (other elements skipped); empty when {@code value} is not an array. */
    private static List<Map<String, Object>> maps(Object value) {
        List<Map<String, Object>> out = new ArrayList<Map<String, Object>>();
        List<Object> items = list(value);
        if (items != null) {
            for (Object o : items) {
                if (map(o) != null) {
                    out.add(map(o));
                }
            }
        }
        return out;
    }

    private static List<Object> single(Object o) {
        List<Object> l = new ArrayList<Object>(1);
        l.add(o);
        return l;
    }
}
