namespace CrmKit.Storage.PostgreSql;

/// <summary>The SQL type a field's value expression has, which decides how filter values are bound.</summary>
internal enum PostgreSqlValueType
{
    /// <summary>Text compared ordinally (<c>COLLATE "C"</c>): texts, dates, instants, references, system texts.</summary>
    Text,

    /// <summary>An exact number: integers, decimals, money amounts, the record version.</summary>
    Numeric,

    /// <summary>A boolean.</summary>
    Boolean,

    /// <summary>The record id column.</summary>
    Uuid,
}
