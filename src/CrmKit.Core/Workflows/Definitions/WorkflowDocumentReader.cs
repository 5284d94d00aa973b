using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using System.Xml;
using CrmKit.Sdk.Workflows;
using Cronos;

namespace CrmKit.Core.Workflows;

/// <summary>Turns a validated workflow document into a <see cref="WorkflowDefinition"/>, and parses its value formats.</summary>
internal static class WorkflowDocumentReader
{
    /// <summary>The trigger type name the contract's documents use for <see cref="BuiltInWorkflowTriggers.DateRelative"/>.</summary>
    public const string DateRelativeAlias = "date.relative";

    public static string NormalizeTriggerType(string type) =>
        type == DateRelativeAlias ? BuiltInWorkflowTriggers.DateRelative : type;

    public static WorkflowDefinition Read(StoredWorkflowDefinition stored)
    {
        var document = JsonNode.Parse(stored.Document)!.AsObject();
        document["enabled"] = stored.Enabled && stored.DeletedAt is null;
        return Read(document, stored.Version, stored.DeletedAt is not null, stored.CreatedAt, stored.CreatedBy);
    }

    public static WorkflowDefinition Read(JsonObject document, long version, bool deleted, DateTimeOffset createdAt, string createdBy)
    {
        var trigger = document["trigger"]!.AsObject();
        var steps = new List<WorkflowStepDefinition>();
        foreach (var node in document["steps"]!.AsArray())
        {
            var step = node!.AsObject();
            steps.Add(new WorkflowStepDefinition
            {
                Id = step["id"]!.GetValue<string>(),
                Action = step["action"]!.GetValue<string>(),
                Condition = (string?)step["condition"],
                Parameters = step["parameters"] as JsonObject ?? [],
            });
        }

        return new WorkflowDefinition
        {
            Name = document["name"]!.GetValue<string>(),
            Version = version,
            Title = (string?)document["title"],
            Description = (string?)document["description"],
            Enabled = (bool?)document["enabled"] ?? true,
            Deleted = deleted,
            Trigger = ReadTrigger(trigger),
            Condition = (string?)document["condition"],
            RunAs = (string?)document["runAs"] is { } runAs && runAs != WorkflowRunAs.TriggeringUser ? runAs : null,
            Steps = steps,
            Document = document,
            CreatedAt = createdAt,
            CreatedBy = createdBy,
        };
    }

    private static WorkflowTriggerDefinition ReadTrigger(JsonObject trigger) => new()
    {
        Type = NormalizeTriggerType(trigger["type"]!.GetValue<string>()),
        Entity = (string?)trigger["entity"],
        Fields = trigger["fields"] is JsonArray fields ? fields.Select(f => f!.GetValue<string>()).ToList() : [],
        To = trigger["to"] as JsonObject,
        Cron = (string?)trigger["cron"],
        TimeZone = (string?)trigger["timeZone"],
        Field = (string?)trigger["field"],
        Offset = trigger["offset"] is JsonValue offset && TryParseDuration(offset.GetValue<string>(), out var value) ? value : null,
        Channel = (string?)trigger["channel"],
        Parameters = trigger["parameters"] as JsonObject ?? [],
    };

    /// <summary>Parses an ISO 8601 duration such as <c>P1D</c> or <c>-PT2H30M</c>.</summary>
    public static bool TryParseDuration(string text, out TimeSpan duration)
    {
        try
        {
            duration = XmlConvert.ToTimeSpan(text);
            return true;
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            duration = default;
            return false;
        }
    }

    /// <summary>Parses a cron expression: five fields, or six when the first is seconds.</summary>
    public static bool TryParseCron(string text, [NotNullWhen(true)] out CronExpression? expression, out string problem)
    {
        var fields = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        try
        {
            expression = CronExpression.Parse(text, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
            problem = "";
            return true;
        }
        catch (CronFormatException e)
        {
            expression = null;
            problem = e.Message;
            return false;
        }
    }

    /// <summary>Finds a time zone by its IANA (or Windows) id.</summary>
    public static bool TryFindTimeZone(string id, [NotNullWhen(true)] out TimeZoneInfo? zone)
    {
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            zone = null;
            return false;
        }
    }
}
