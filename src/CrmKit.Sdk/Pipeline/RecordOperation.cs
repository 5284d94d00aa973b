namespace CrmKit.Sdk.Pipeline;

/// <summary>The operations that pass the record pipeline.</summary>
public enum RecordOperation
{
    /// <summary>A record is created.</summary>
    Create = 0,

    /// <summary>A record is changed.</summary>
    Update = 1,

    /// <summary>A record is deleted (softly).</summary>
    Delete = 2,

    /// <summary>A deleted record is restored.</summary>
    Restore = 3,
}
