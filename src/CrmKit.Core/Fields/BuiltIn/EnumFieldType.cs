using System.Text.Json.Nodes;
using CrmKit.Sdk.Fields;

namespace CrmKit.Core.Fields.BuiltIn;

/// <summary><c>enum</c>: one option of the field's own <c>enum</c> list; the schema checks membership.</summary>
internal sealed class EnumFieldType : FieldType
{
    /// <summary>Creates the type.</summary>
    public EnumFieldType()
        : base(new FieldTypeDescriptor(
            BuiltInFieldTypes.Enum,
            FieldValueKind.Text,
            new JsonObject { ["type"] = "string" },
            FieldMessages.DisplayName(BuiltInFieldTypes.Enum)))
    {
    }
}
