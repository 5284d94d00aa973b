namespace CrmKit.Distribution.Packages;

/// <summary>
/// Moves staged plugin folders into the plugins folder and the folders they replace (or that are removed) into a
/// backup dot-folder, remembering every move so that it can be undone. Dot-folders are ignored by the plugin runtime;
/// staging, backup and plugins folder are on one volume, so each move is a rename.
/// </summary>
internal sealed class FolderSwap
{
    private readonly List<(string Id, bool HadOld, bool HasNew)> _moves = [];
    private readonly string _plugins;

    public FolderSwap(string plugins, string staging, string backup)
    {
        _plugins = plugins;
        Staging = staging;
        Backup = backup;
    }

    public string Staging { get; }

    public string Backup { get; }

    /// <summary>Swaps in the staged folders of <paramref name="changing"/> and moves away those of <paramref name="removing"/>.</summary>
    public void Apply(IEnumerable<string> changing, IEnumerable<string> removing)
    {
        Directory.CreateDirectory(Backup);
        var incoming = changing.ToHashSet(StringComparer.Ordinal);
        foreach (var id in incoming.Concat(removing).Distinct(StringComparer.Ordinal))
        {
            var target = Path.Combine(_plugins, id);
            var hadOld = Directory.Exists(target);
            if (hadOld)
            {
                Directory.Move(target, Path.Combine(Backup, id));
            }

            _moves.Add((id, hadOld, false));
            if (incoming.Contains(id))
            {
                Directory.Move(Path.Combine(Staging, id), target);
                _moves[^1] = (id, hadOld, true);
            }
        }
    }

    /// <summary>Puts every previous folder back and takes the new ones out, in reverse order.</summary>
    public void Undo()
    {
        for (var i = _moves.Count - 1; i >= 0; i--)
        {
            var (id, hadOld, hasNew) = _moves[i];
            var target = Path.Combine(_plugins, id);
            if (hasNew && Directory.Exists(target))
            {
                Directory.CreateDirectory(Staging);
                Directory.Move(target, Path.Combine(Staging, id + ".undone-" + Guid.NewGuid().ToString("N")));
            }

            if (hadOld)
            {
                Directory.Move(Path.Combine(Backup, id), target);
            }
        }

        _moves.Clear();
    }

    /// <summary>Deletes the staging and backup folders (quietly: a leftover dot-folder is harmless).</summary>
    public void Cleanup()
    {
        DeleteQuietly(Staging);
        DeleteQuietly(Backup);
    }

    public static void DeleteQuietly(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
