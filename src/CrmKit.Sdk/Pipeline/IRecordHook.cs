namespace CrmKit.Sdk.Pipeline;

/// <summary>
/// Code that runs in the record pipeline. A <see cref="Errors.CrmException"/> or any other exception thrown from a
/// synchronous stage rolls the whole operation back; the caller gets an error naming the module and the hook.
/// </summary>
public interface IRecordHook
{
    /// <summary>Where and when the hook runs.</summary>
    RecordHookDescriptor Descriptor { get; }

    /// <summary>Runs the hook.</summary>
    /// <param name="context">The operation, the images and the acting principal.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the hook is done.</returns>
    ValueTask ExecuteAsync(RecordHookContext context, CancellationToken cancellationToken);
}
