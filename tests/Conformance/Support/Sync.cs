namespace Conformance.Tests.Support;

/// <summary>
/// Runs the async API inside FsCheck properties, which are synchronous. The stores used there
/// (memory, local directory) complete synchronously, so nothing blocks on I/O.
/// </summary>
public static class Sync
{
    public static T Run<T>(ValueTask<T> task) => task.IsCompleted ? task.Result : task.AsTask().GetAwaiter().GetResult();

    public static void Run(ValueTask task)
    {
        if (!task.IsCompleted)
        {
            task.AsTask().GetAwaiter().GetResult();
        }
        else
        {
            task.GetAwaiter().GetResult();
        }
    }
}
