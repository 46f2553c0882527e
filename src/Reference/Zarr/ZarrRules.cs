namespace Conformance.Reference.Zarr;

/// <summary>
/// Rule IDs of the Zarr v3 requirements the reference enforces. Each ID is described in
/// <c>spec/zarr-v3/rules.json</c> (level, section, link, paraphrase); tests check that every
/// ID here is catalogued there.
/// </summary>
public static class ZarrRules
{
    // Core spec, "Metadata".
    public const string MetadataJson = "ZARR-META-001";
    public const string ZarrFormat = "ZARR-META-002";
    public const string NodeType = "ZARR-META-003";
    public const string Shape = "ZARR-META-004";
    public const string DataTypeField = "ZARR-META-005";
    public const string ChunkGridField = "ZARR-META-006";
    public const string ChunkKeyEncodingField = "ZARR-META-007";
    public const string FillValueField = "ZARR-META-008";
    public const string CodecsField = "ZARR-META-009";
    public const string Attributes = "ZARR-META-010";
    public const string StorageTransformersField = "ZARR-META-011";
    public const string DimensionNames = "ZARR-META-012";
    public const string DimensionNamesDistinct = "ZARR-META-013";
    public const string ConsolidatedMetadata = "ZARR-META-014";
    public const string DuplicateMember = "ZARR-META-015";
    public const string MetadataMissing = "ZARR-META-016";

    // Core spec, "Extensions".
    public const string ExtensionDefinition = "ZARR-EXT-001";
    public const string UnknownField = "ZARR-EXT-002";
    public const string MustUnderstandNotAllowed = "ZARR-EXT-003";
    public const string ExtensionName = "ZARR-EXT-004";

    // Core spec, "Node names".
    public const string NodeName = "ZARR-NODE-001";
    public const string ArrayHasChildren = "ZARR-HIER-001";
    public const string GroupWithoutMetadata = "ZARR-HIER-002";

    // Core spec, "Data types" and "Permitted fill values".
    public const string UnknownDataType = "ZARR-DTYPE-001";
    public const string RawDataType = "ZARR-DTYPE-002";
    public const string DataTypeConfiguration = "ZARR-DTYPE-003";
    public const string FillBool = "ZARR-FILL-001";
    public const string FillInteger = "ZARR-FILL-002";
    public const string FillFloat = "ZARR-FILL-003";
    public const string FillComplex = "ZARR-FILL-004";
    public const string FillRaw = "ZARR-FILL-005";
    public const string FillString = "ZARR-FILL-006";
    public const string FillBytes = "ZARR-FILL-007";

    // Chunk grids and chunk key encodings.
    public const string UnknownChunkGrid = "ZARR-GRID-001";
    public const string RegularChunkShape = "ZARR-GRID-002";
    public const string UnknownChunkKeyEncoding = "ZARR-KEY-001";
    public const string KeySeparator = "ZARR-KEY-002";
    public const string ChunkOutsideGrid = "ZARR-KEY-003";

    // Core spec, "Codecs", and the codec pages.
    public const string CodecOrder = "ZARR-CODEC-001";
    public const string UnknownCodec = "ZARR-CODEC-002";
    public const string CodecRepresentation = "ZARR-CODEC-003";
    public const string CodecConfiguration = "ZARR-CODEC-004";
    public const string BytesEndian = "ZARR-CODEC-BYTES-001";
    public const string BytesLength = "ZARR-CODEC-BYTES-002";
    public const string BytesBool = "ZARR-CODEC-BYTES-003";
    public const string TransposeOrder = "ZARR-CODEC-TRANSPOSE-001";
    public const string GzipLevel = "ZARR-CODEC-GZIP-001";
    public const string GzipData = "ZARR-CODEC-GZIP-002";
    public const string ZstdConfiguration = "ZARR-CODEC-ZSTD-001";
    public const string ZstdData = "ZARR-CODEC-ZSTD-002";
    public const string Crc32cConfiguration = "ZARR-CODEC-CRC32C-001";
    public const string Crc32cChecksum = "ZARR-CODEC-CRC32C-002";
    public const string VlenData = "ZARR-CODEC-VLEN-001";
    public const string BloscConfiguration = "ZARR-CODEC-BLOSC-001";
    public const string BloscData = "ZARR-CODEC-BLOSC-002";
    public const string ShardingConfiguration = "ZARR-CODEC-SHARDING-001";
    public const string ShardingChunkShape = "ZARR-CODEC-SHARDING-002";
    public const string ShardingIndexCodecs = "ZARR-CODEC-SHARDING-003";
    public const string ShardingIndex = "ZARR-CODEC-SHARDING-004";
    public const string ShardingOverlap = "ZARR-CODEC-SHARDING-005";

    // Storage.
    public const string StoreKey = "ZARR-STORE-001";
    public const string StrayKey = "ZARR-STORE-004";
    public const string UnknownStorageTransformer = "ZARR-STORE-002";
    public const string ChildrenNotListable = "ZARR-STORE-003";
    public const string ZipArchive = "ZARR-STORE-ZIP-001";
    public const string HttpUnavailable = "ZARR-STORE-HTTP-001";
    public const string HttpResponse = "ZARR-STORE-HTTP-002";
    public const string ChunkSize = "ZARR-CHUNK-001";
    public const string ChunkTooLarge = "ZARR-LIMIT-001";
    public const string MetadataTooLarge = "ZARR-LIMIT-002";

    // Interoperability: allowed by the spec, but trouble for widely used readers.
    public const string ShardIndexAtStart = "ZARR-INTEROP-001";
    public const string BoolBigEndian = "ZARR-INTEROP-002";
    public const string ConsolidatedNull = "ZARR-INTEROP-003";
}
