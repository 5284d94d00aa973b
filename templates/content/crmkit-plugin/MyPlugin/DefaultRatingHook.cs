using CrmKit.Sdk.Pipeline;

namespace MyPlugin;

/// <summary>
/// Gives a new contact a rating of 3 when none is given. It runs before validation, so the value it sets is checked
/// like any other.
/// </summary>
public sealed class DefaultRatingHook : IRecordHook
{
    /// <summary>The rating a new contact gets.</summary>
    public const int DefaultRating = 3;

    /// <inheritdoc />
    public RecordHookDescriptor Descriptor { get; } = new()
    {
        Name = ModuleClassName.PluginId + ".default-rating",
        Entity = "contact",
        Stage = PipelineStage.PreValidation,
        Operations = [RecordOperation.Create],
    };

    /// <inheritdoc />
    public ValueTask ExecuteAsync(RecordHookContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Target[ModuleClassName.RatingField] is null)
        {
            context.Target[ModuleClassName.RatingField] = DefaultRating;
        }

        return ValueTask.CompletedTask;
    }
}
