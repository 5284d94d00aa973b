namespace CrmKit.JsonSchema.Internal;

/// <summary>The instance types named by the <c>type</c> keyword.</summary>
[Flags]
internal enum SchemaTypes
{
    None = 0,
    Null = 1,
    Boolean = 2,
    Object = 4,
    Array = 8,
    Number = 16,
    String = 32,
    Integer = 64,
    Any = Null | Boolean | Object | Array | Number | String | Integer,
}
