namespace CrmKit.CommerceMl;

/// <summary>The CommerceML 2 schema versions whose official XSD is embedded.</summary>
public enum CommerceMlSchemaVersion
{
    /// <summary>CommerceML 2.10 (the default: what CrmKit writes).</summary>
    V210,

    /// <summary>CommerceML 2.08 (2.10 without subordinate documents).</summary>
    V208,
}
