namespace CrmKit.JsonSchema.Internal.Formats;

/// <summary>The values of the <c>format</c> keyword that are validated as assertions.</summary>
internal enum SchemaFormat
{
    Email,
    Date,
    DateTime,
    Uri,
    Uuid,
}
