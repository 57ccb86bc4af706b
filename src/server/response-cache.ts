import type { ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import responseCachePlugin from "@apollo/server-plugin-response-cache";
import { InMemoryLRUCache } from "@apollo/utils.keyvaluecache";
import type { Context } from "../graphql/context";
import { cachePolicyPlugin } from "./cache-policy";
import type { CachingConfig } from "./config";

/**
 * Caching of reads. Each answer's Cache-Control comes from the schema's `@cacheControl` hints
 * (analytics and the change feed are hinted shorter than the default, writes never cached; see the
 * README), and the same policy decides what the in-process response cache keeps. A write through
 * this server empties that cache: no answer read before the write is served after it. A write
 * through another replica empties it once the change tail reads it (see feed-tail.ts).
 */
export class ResponseCache {
  /** Bumped by every write; an answer computed in an older generation is not stored. */
  private generation = 0;
  private readonly entries: InMemoryLRUCache<string>;

  constructor(
    private readonly config: CachingConfig,
    private readonly options: { readonly privateAnswers: boolean },
  ) {
    this.entries = new InMemoryLRUCache<string>({
      maxSize: Math.max(config.responseCacheBytes, 1),
      sizeCalculation: InMemoryLRUCache.sizeCalculation,
    });
  }

  /** The answers of this server's store changed. */
  invalidate(): void {
    this.generation += 1;
    this.entries.clear();
  }

  /** The generation a request starts in (kept in its context). */
  get current(): number {
    return this.generation;
  }

  plugins(): ApolloServerPlugin<Context>[] {
    // Apollo's own cache-control plugin is replaced by the policy read from the document (cache-policy.ts).
    const disabled = ApolloServerPluginCacheControlDisabled();
    if (this.config.maxAgeSeconds === 0) return [disabled];
    const policy = cachePolicyPlugin({
      defaultMaxAge: this.config.maxAgeSeconds,
      privateAnswers: this.options.privateAnswers,
    });
    if (this.config.responseCacheBytes === 0) return [disabled, policy];
    return [
      disabled,
      policy,
      responseCachePlugin<Context>({
        cache: this.entries,
        // A client reading after a write it made elsewhere must not get an answer from before it.
        shouldReadFromCache: async ({ contextValue }) => !contextValue.readsAfterWrite,
        shouldWriteToCache: async ({ contextValue }) => contextValue.cacheGeneration === this.generation,
      }),
    ];
  }
}
