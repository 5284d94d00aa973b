using System.Text.Json.Nodes;
using CrmKit.Sdk.Fields;

namespace CrmKit.Core.Fields.BuiltIn;

/// <summary><c>boolean</c>: <c>true</c> or <c>false</c>; the schema says everything.</summary>
internal sealed class BooleanFieldType : FieldType
{
    /// <summary>Creates the type.</summary>
    public BooleanFieldType()
        : base(new FieldTypeDescriptor(
            BuiltInFieldTypes.Boolean,
            FieldValueKind.Boolean,
            new JsonObject { ["type"] = "boolean" },
            FieldMessages.DisplayName(BuiltInFieldTypes.Boolean)))
    {
    }
}
