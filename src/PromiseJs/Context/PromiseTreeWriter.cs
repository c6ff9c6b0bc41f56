using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using PromiseJs.Scheduling;

namespace PromiseJs.Context;

/// <summary>
/// Prints a context and its live descendants: as text (<see cref="PromiseContext.ToTreeString()"/>), as JSON
/// (<see cref="PromiseContext.ToTreeJson(bool)"/>) and as Graphviz DOT (<see cref="PromiseContext.ToTreeDot()"/>). All three
/// show the same nodes in the same order: each node, then its pending children, oldest first, depth first.
/// </summary>
internal static class PromiseTreeWriter
{
    public static string ToText(PromiseContext root)
    {
        var builder = new StringBuilder();
        AppendText(builder, root, prefix: string.Empty, childPrefix: string.Empty);
        return builder.ToString();
    }

    public static string ToJson(PromiseContext root, bool indented)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var options = new JsonWriterOptions
        {
            Indented = indented,

            // The output goes to logs and tools, never into an HTML page: keep names readable (no \uXXXX for non-ASCII or
            // for characters HTML cares about). Quotes, backslashes and control characters are still escaped.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,

            // Each level of the tree is two levels of JSON (the node, its children array); the default limit of 1000
            // would fail on a deep recursion of async methods that ToTreeString prints fine.
            MaxDepth = int.MaxValue,
        };
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            WriteJson(writer, root);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static string ToDot(PromiseContext root)
    {
        var builder = new StringBuilder();
        builder.Append("digraph PromiseTree {\n");
        builder.Append("  node [shape=box, fontname=\"monospace\"];\n");
        int next = 0;
        AppendDot(builder, root, ref next);
        builder.Append("}\n");
        return builder.ToString();
    }

    // The name of a scheduler in the machine-readable forms.
    internal static string SchedulerName(PromiseScheduler scheduler) => scheduler switch
    {
        ThreadPoolJobScheduler => "ThreadPool",
        LoopCore => "PromiseLoop",
        SynchronizationContextScheduler => "SynchronizationContext",
        TaskSchedulerScheduler => "TaskScheduler",
        _ => scheduler.GetType().Name,
    };

    private static string StateName(PromiseState state) => state switch
    {
        PromiseState.Fulfilled => "fulfilled",
        PromiseState.Rejected => "rejected",
        _ => "pending",
    };

    private static void AppendText(StringBuilder builder, PromiseContext node, string prefix, string childPrefix)
    {
        builder.Append(prefix).Append(node.ToString()).Append(" [");
        AppendStatus(builder, node);
        builder.Append(']').Append('\n');
        IReadOnlyList<PromiseContext> children = node.GetPendingChildren(recursive: false);
        for (int i = 0; i < children.Count; i++)
        {
            bool last = i == children.Count - 1;
            AppendText(builder, children[i], childPrefix + (last ? "└─ " : "├─ "), childPrefix + (last ? "   " : "│  "));
        }
    }

    // "pending 2.50s", "fulfilled", "rejected", then ", cancelled" when it is: the part of a text line between brackets.
    private static void AppendStatus(StringBuilder builder, PromiseContext node)
    {
        PromiseState state = node.State;
        builder.Append(StateName(state));
        if (state == PromiseState.Pending)
        {
            double seconds = node.PendingFor().TotalSeconds;
            builder.Append(' ').Append(seconds.ToString("0.00", CultureInfo.InvariantCulture)).Append('s');
        }

        if (node.IsCancellationRequested)
        {
            builder.Append(", cancelled");
        }
    }

    private static void WriteJson(Utf8JsonWriter writer, PromiseContext node)
    {
        writer.WriteStartObject();
        writer.WriteString("name", node.ToString());
        PromiseState state = node.State;
        writer.WriteString("state", StateName(state));
        if (state == PromiseState.Pending)
        {
            writer.WriteNumber("pendingSeconds", Math.Round(node.PendingFor().TotalSeconds, 3));
        }

        writer.WriteBoolean("cancelled", node.IsCancellationRequested);
        writer.WriteString("start", node.Start.ToString());
        if (node.ChildrenStart is { } childrenStart)
        {
            writer.WriteString("childrenStart", childrenStart.ToString());
        }
        else
        {
            writer.WriteNull("childrenStart");
        }

        writer.WriteString("scheduler", SchedulerName(node.Scheduler));
        writer.WriteStartArray("children");
        foreach (PromiseContext child in node.GetPendingChildren(recursive: false))
        {
            WriteJson(writer, child);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static int AppendDot(StringBuilder builder, PromiseContext node, ref int next)
    {
        int id = next++;
        builder.Append("  n").Append(id.ToString(CultureInfo.InvariantCulture)).Append(" [label=\"");
        AppendDotEscaped(builder, node.ToString());
        builder.Append("\\n");
        AppendStatus(builder, node);
        builder.Append("\\nstart: ").Append(node.Start.ToString()).Append(", scheduler: ").Append(SchedulerName(node.Scheduler));
        builder.Append('"');
        PromiseState state = node.State;
        if (state == PromiseState.Rejected)
        {
            builder.Append(", color=red");
        }
        else if (state == PromiseState.Fulfilled)
        {
            builder.Append(", color=darkgreen");
        }

        if (node.IsCancellationRequested)
        {
            builder.Append(", style=dashed");
        }

        builder.Append("];\n");
        foreach (PromiseContext child in node.GetPendingChildren(recursive: false))
        {
            int childId = AppendDot(builder, child, ref next);
            builder.Append("  n").Append(id.ToString(CultureInfo.InvariantCulture))
                .Append(" -> n").Append(childId.ToString(CultureInfo.InvariantCulture)).Append(";\n");
        }

        return id;
    }

    // Inside a DOT double-quoted string a quote ends the string and a backslash starts an escape (\n, \l, \N, …): both are
    // escaped; a line break becomes DOT's \n, and other control characters a space, so a name is shown as written.
    private static void AppendDotEscaped(StringBuilder builder, string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    break;
                case '\r' or '\n':
                    builder.Append("\\n");
                    break;
                case < ' ':
                    builder.Append(' ');
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }
    }
}
