using System.Text.Json.Nodes;
using CrmKit.Cli.Commands.Entities;
using CrmKit.Cli.Output;
using CrmKit.Cli.Resources;

namespace CrmKit.Cli.Commands.Fields;

/// <summary>Prints the EntityDetail a field change answers with: a one-line summary and the changed field's row.</summary>
internal static class FieldChangeOutput
{
    /// <param name="context">The command's context.</param>
    /// <param name="detail">The EntityDetail the server answered with.</param>
    /// <param name="summary">Makes the summary line from the field, the entity and the entity's new version.</param>
    /// <param name="entity">The entity's name.</param>
    /// <param name="field">The field's name.</param>
    public static void Write(
        CommandContext context, JsonNode? detail, Func<string, string, string, string> summary, string entity, string field)
    {
        if (context.Json)
        {
            context.WriteJson(detail);
            return;
        }

        var version = JsonText.ToCell(detail?["version"]);
        context.Out.WriteLine(summary(field, entity, version));
        var row = FieldTable.FieldsOf(detail).Where(f => JsonText.GetString(f, "name") == field).ToList();
        if (row.Count > 0)
        {
            context.Out.WriteLine();
            FieldTable.Write(context.Out, row);
        }
    }
}
