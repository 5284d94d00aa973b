namespace CrmKit.Sdk.Pipeline;

/// <summary>The stages of the record pipeline, in the order they run.</summary>
public enum PipelineStage
{
    /// <summary>Before validation, outside the transaction: cheap checks that reject early.</summary>
    PreValidation = 0,

    /// <summary>Inside the transaction, before the write: the hook may still change the record.</summary>
    PreOperation = 1,

    /// <summary>Inside the transaction, after the write: the hook may write related records.</summary>
    PostOperation = 2,

    /// <summary>After commit, asynchronously and reliably (through the outbox).</summary>
    PostCommit = 3,
}
