using System.Text.Json;
using System.Text.Json.Nodes;
using CrmKit.Sdk.Fields;
using CrmKit.Sdk.Localization;

namespace MyPlugin;

/// <summary>
/// <c>my.plugin.rating</c>: a whole number from 1 to 5. Besides numbers it accepts the digit as text (<c>"4"</c>) and
/// stars (<c>"★★★★"</c>), and stores both as the number; the JSON Schema (<c>minimum</c>, <c>maximum</c>) refuses
/// anything outside 1..5.
/// </summary>
public sealed class RatingFieldType : FieldType
{
    /// <summary>The type name used in <c>x-crm-type</c>: plugin field types are named after the plugin id.</summary>
    public const string TypeName = ModuleClassName.PluginId + ".rating";

    /// <summary>The error code of a text value that is neither a number nor stars.</summary>
    public const string InvalidCode = TypeName + ".invalid";

    /// <summary>Creates the type.</summary>
    public RatingFieldType()
        : base(new FieldTypeDescriptor(
            TypeName,
            FieldValueKind.Integer,
            new JsonObject { ["type"] = "integer", ["minimum"] = 1, ["maximum"] = 5 },
            LocalizedText.Of("Rating (1-5)", "Рейтинг (1-5)")))
    {
    }

    /// <inheritdoc />
    public override void Normalize(FieldValueContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        // Numbers are left to the schema; only text needs reading.
        if (context.Value.GetValueKind() != JsonValueKind.String)
        {
            return;
        }

        var text = context.Value.GetValue<string>().Trim();
        if (text.Length > 0 && text.All(c => c == '★'))
        {
            context.Value = JsonValue.Create(text.Length);
        }
        else if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            context.Value = JsonValue.Create(number);
        }
        else
        {
            context.AddError(InvalidCode, LocalizedText.Of(
                "A rating is a number from 1 to 5 or one to five stars.",
                "Рейтинг: число от 1 до 5 или от одной до пяти звёзд."));
        }
    }
}
