using System.Globalization;
using System.Text.Json.Nodes;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Fields;
using CrmKit.Sdk.Metadata;
using CrmKit.Sdk.Workflows;

namespace CrmKit.Core.Workflows;

/// <summary>The trigger checks: members per type, entities and fields, cron, time zone and offset.</summary>
internal sealed partial class WorkflowDocumentValidator
{
    private const string Pointer = "/trigger";

    private void ValidateTrigger(JsonObject trigger, List<CrmError> errors)
    {
        var type = WorkflowDocumentReader.NormalizeTriggerType(trigger["type"]!.GetValue<string>());
        var (required, optional) = Members(type);
        if (required is null)
        {
            if (!extensions.TryGet<IWorkflowTrigger>(type, out var plugin))
            {
                errors.Add(WorkflowMessages.Error(WorkflowErrorCodes.UnknownTrigger, Pointer + "/type", type));
                return;
            }

            required = [];
            optional = ["entity", "parameters"];
            CheckParameters(plugin.Descriptor.GetParametersSchema(), trigger["parameters"] as JsonObject ?? [], Pointer + "/parameters", errors);
        }

        foreach (var member in required)
        {
            if (!trigger.ContainsKey(member))
            {
                errors.Add(WorkflowMessages.Error(WorkflowErrorCodes.Invalid, Pointer + "/" + member, "workflow.member_required", type, member));
            }
        }

        foreach (var (member, _) in trigger)
        {
            if (member != "type" && !required.Contains(member) && !optional.Contains(member))
            {
                errors.Add(WorkflowMessages.Error(WorkflowErrorCodes.Invalid, Pointer + "/" + Escape(member), "workflow.member_unused", type, member));
            }
        }

        var entity = CheckEntity(trigger, errors);
        CheckFields(trigger, entity, errors);
        CheckSchedule(trigger, errors);
        if (trigger["offset"] is JsonValue offset && !WorkflowDocumentReader.TryParseDuration(offset.GetValue<string>(), out _))
        {
            errors.Add(WorkflowMessages.Error(WorkflowErrorCodes.InvalidOffset, Pointer + "/offset", offset.GetValue<string>()));
        }
    }

    /// <summary>The members a built-in trigger type needs and may have; (null, null) for any other type.</summary>
    private static (string[]? Required, string[]? Optional) Members(string type) => type switch
    {
        BuiltInWorkflowTriggers.RecordCreated or BuiltInWorkflowTriggers.RecordDeleted => (["entity"], []),
        BuiltInWorkflowTriggers.RecordUpdated => (["entity"], ["fields", "to"]),
        BuiltInWorkflowTriggers.Schedule => (["cron"], ["timeZone"]),
        BuiltInWorkflowTriggers.DateRelative => (["entity", "field", "offset"], []),
        BuiltInWorkflowTriggers.InboundMessage => ([], ["channel", "parameters"]),
        BuiltInWorkflowTriggers.Manual => ([], ["entity"]),
        _ => (null, null),
    };

    private EntityDefinition? CheckEntity(JsonObject trigger, List<CrmError> errors)
    {
        if (trigger["entity"] is not JsonValue value)
        {
            return null;
        }

        var name = value.GetValue<string>();
        var entity = metadata.GetEntities().FirstOrDefault(e => e.Name == name);
        if (entity is null)
        {
            errors.Add(WorkflowMessages.Error(WorkflowErrorCodes.UnknownEntity, Pointer + "/entity", name));
        }

        return entity;
    }

    private static void CheckFields(JsonObject trigger, EntityDefinition? entity, List<CrmError> errors)
    {
        if (entity is null)
        {
            return;
        }

        if (trigger["fields"] is JsonArray fields)
        {
            for (var i = 0; i < fields.Count; i++)
            {
                CheckField(entity, fields[i]!.GetValue<string>(), Pointer + "/fields/" + i.ToString(CultureInfo.InvariantCulture), errors);
            }
        }

        if (trigger["to"] is JsonObject to)
        {
            foreach (var (name, _) in to)
            {
                CheckField(entity, name, Pointer + "/to/" + Escape(name), errors);
            }
        }

        if (trigger["field"] is JsonValue dateField &&
            CheckField(entity, dateField.GetValue<string>(), Pointer + "/field", errors) is { } field &&
            field.Type is not (BuiltInFieldTypes.Date or BuiltInFieldTypes.DateTime))
        {
            errors.Add(WorkflowMessages.Error(WorkflowErrorCodes.Invalid, Pointer + "/field", "workflow.not_date_field", field.Name, entity.Name));
        }
    }

    private static FieldDefinition? CheckField(EntityDefinition entity, string name, string pointer, List<CrmError> errors)
    {
        var field = entity.FindField(name);
        if (field is null)
        {
            errors.Add(WorkflowMessages.Error(WorkflowErrorCodes.UnknownField, pointer, entity.Name, name));
        }

        return field;
    }

    private static void CheckSchedule(JsonObject trigger, List<CrmError> errors)
    {
        if (trigger["cron"] is JsonValue cron)
        {
            var text = cron.GetValue<string>();
            if (!WorkflowDocumentReader.TryParseCron(text, out _, out var problem))
            {
                errors.Add(WorkflowMessages.Error(WorkflowErrorCodes.InvalidCron, Pointer + "/cron", text, problem));
            }
        }

        if (trigger["timeZone"] is JsonValue zone && !WorkflowDocumentReader.TryFindTimeZone(zone.GetValue<string>(), out _))
        {
            errors.Add(WorkflowMessages.Error(WorkflowErrorCodes.InvalidTimeZone, Pointer + "/timeZone", zone.GetValue<string>()));
        }
    }
}
