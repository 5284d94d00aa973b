using System.Text.Json.Nodes;
using CrmKit.Sdk.Fields;

namespace CrmKit.Core.Fields.BuiltIn;

/// <summary><c>json</c>: any JSON value, stored as is; not comparable, so never indexed, filtered or sorted.</summary>
internal sealed class JsonFieldType : FieldType
{
    /// <summary>Creates the type.</summary>
    public JsonFieldType()
        : base(new FieldTypeDescriptor(
            BuiltInFieldTypes.Json,
            FieldValueKind.Json,
            [],
            FieldMessages.DisplayName(BuiltInFieldTypes.Json)))
    {
    }
}
