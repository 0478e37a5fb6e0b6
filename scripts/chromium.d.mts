export declare const CHROMIUM_INSTALL_HINT: string;
export declare const CHROMIUM_ARGS: string[];
export declare function findChromium(env?: NodeJS.ProcessEnv): string | null;
export declare function requireChromium(env?: NodeJS.ProcessEnv): string;
