/**
 * What src/content.config.ts takes from `astro:content`, for unit tests that check its schemas
 * directly (vitest.config.ts points `astro:content` here). A collection is its config as written;
 * a reference is the id it names, a string: whether that entry exists is Astro's check, which the
 * build smoke tests cover.
 */
import { z } from 'astro/zod';

export const defineCollection = <T>(config: T): T => config;
export const reference = (collection: string) => z.string().min(1).describe(`an id in the ${collection} collection`);
