using System.Text.Json.Nodes;
using CrmKit.Sdk.Fields;

namespace CrmKit.Core.Fields.BuiltIn;

/// <summary>
/// <c>multi_enum</c>: a list of distinct options from the field's <c>items.enum</c>; the schema checks membership and
/// uniqueness, and the order is kept as written.
/// </summary>
internal sealed class MultiEnumFieldType : FieldType
{
    /// <summary>Creates the type.</summary>
    public MultiEnumFieldType()
        : base(new FieldTypeDescriptor(
            BuiltInFieldTypes.MultiEnum,
            FieldValueKind.TextArray,
            new JsonObject
            {
                ["type"] = "array",
                ["items"] = new JsonObject { ["type"] = "string" },
                ["uniqueItems"] = true,
            },
            FieldMessages.DisplayName(BuiltInFieldTypes.MultiEnum)))
    {
    }
}
