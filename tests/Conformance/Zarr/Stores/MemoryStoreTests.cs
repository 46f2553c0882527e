using Conformance.Reference.Zarr.Stores;

namespace Conformance.Tests.Zarr.Stores;

public sealed class MemoryStoreTests : StoreContractTests
{
    protected override Store CreateStore() => new MemoryStore();
}
