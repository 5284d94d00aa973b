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

    /// <summary>
    /// A module-defined message is sent to a record (<see cref="RecordHookContext.MessageName"/> says which). Hooks run for
    /// it only when their <see cref="RecordHookDescriptor.Operations"/> list it.
    /// </summary>
    Message = 4,
}
