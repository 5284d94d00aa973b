using System.Text.Json.Nodes;
using CrmKit.Cli.Commands.Entities;
using CrmKit.Cli.Output;

namespace CrmKit.Cli.Commands.Fields;

/// <summary>Prints the EntityDetail a field change answers with: a one-line summary and the changed field's row.</summary>
internal static class FieldChangeOutput
{
    public static void Write(CommandContext context, JsonNode? detail, string verb, string entity, string field)
    {
        if (context.Json)
        {
            context.WriteJson(detail);
            return;
        }

        var version = JsonText.ToCell(detail?["version"]);
        context.Out.WriteLine($"{verb} field {field} of {entity}; the entity is now at version {version}.");
        var row = FieldTable.FieldsOf(detail).Where(f => JsonText.GetString(f, "name") == field).ToList();
        if (row.Count > 0)
        {
            context.Out.WriteLine();
            FieldTable.Write(context.Out, row);
        }
    }
}
