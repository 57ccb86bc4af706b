import { MemoryStore } from "../../src/store/memory/memory-store";
import { graphStoreSuite } from "./graph-store.suite";

graphStoreSuite("memory", async () => ({ store: new MemoryStore(), dispose: async () => {} }));
