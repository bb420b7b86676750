CREATE TABLE _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')));
CREATE TABLE annotations (
            article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            version TEXT NOT NULL,
            times TEXT NOT NULL DEFAULT '[]',
            nlp TEXT NOT NULL DEFAULT '{}'
        );
CREATE TABLE articles (
            id TEXT PRIMARY KEY,
            raw_hash TEXT NOT NULL UNIQUE,
            content_hash TEXT NOT NULL,
            path TEXT NOT NULL,
            title TEXT NOT NULL,
            source TEXT,
            origin TEXT,
            url TEXT,
            published TEXT,
            published_inferred INTEGER NOT NULL DEFAULT 0,
            language TEXT,
            dateline TEXT,
            authors TEXT NOT NULL DEFAULT '[]',
            text TEXT NOT NULL,
            removed TEXT NOT NULL DEFAULT '[]',
            run_id INTEGER REFERENCES runs(id),
            added_at TEXT NOT NULL
        );
CREATE TABLE copy_anchors (
            root INTEGER PRIMARY KEY,
            shingles INTEGER NOT NULL,
            row INTEGER NOT NULL
        );
CREATE TABLE copy_bands (
            band INTEGER NOT NULL,
            key INTEGER NOT NULL,
            row INTEGER NOT NULL,
            PRIMARY KEY (band, key, row)
        ) WITHOUT ROWID;
CREATE TABLE copy_groups (
            root INTEGER PRIMARY KEY,
            members TEXT NOT NULL,
            data TEXT
        );
CREATE TABLE copy_rows (
            row INTEGER PRIMARY KEY,
            id TEXT NOT NULL,
            parent INTEGER NOT NULL
        );
CREATE TABLE derived (
            kind TEXT NOT NULL,
            id TEXT NOT NULL,
            story TEXT,
            data TEXT NOT NULL,
            PRIMARY KEY (kind, id)
        );
CREATE TABLE errors (
            id INTEGER PRIMARY KEY,
            run_id INTEGER REFERENCES runs(id),
            path TEXT NOT NULL,
            reason TEXT NOT NULL,
            at TEXT NOT NULL
        );
CREATE TABLE runs (
            id INTEGER PRIMARY KEY,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            status TEXT NOT NULL DEFAULT 'running',
            inputs TEXT NOT NULL DEFAULT '[]',
            n_new INTEGER NOT NULL DEFAULT 0,
            n_seen INTEGER NOT NULL DEFAULT 0,
            n_errors INTEGER NOT NULL DEFAULT 0
        );
CREATE TABLE source_lines (
            source TEXT NOT NULL,
            line TEXT NOT NULL,
            n_docs INTEGER NOT NULL,
            PRIMARY KEY (source, line)
        );
CREATE TABLE state (
            name TEXT PRIMARY KEY,
            data BLOB NOT NULL,
            updated_at TEXT NOT NULL
        );
CREATE TABLE stories (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            first TEXT,
            last TEXT,
            storyline TEXT,
            data TEXT NOT NULL
        );
CREATE TABLE story_articles (
            story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            PRIMARY KEY (story_id, article_id)
        );
CREATE TABLE story_clusters (
            id TEXT PRIMARY KEY,
            reps TEXT NOT NULL,
            first INTEGER,
            last INTEGER,
            terms TEXT NOT NULL,
            keys TEXT NOT NULL,
            weights BLOB NOT NULL,
            norms TEXT NOT NULL
        );
CREATE TABLE story_infos (
            id TEXT PRIMARY KEY,
            data TEXT NOT NULL,
            cluster TEXT,
            copies TEXT
        );
CREATE TABLE story_postings (
            term TEXT NOT NULL,
            cluster TEXT NOT NULL,
            PRIMARY KEY (term, cluster)
        ) WITHOUT ROWID;
CREATE TABLE story_terms (
            term TEXT PRIMARY KEY,
            df INTEGER NOT NULL
        ) WITHOUT ROWID;
CREATE INDEX articles_content_hash ON articles(content_hash);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX derived_story ON derived(kind, story);
CREATE INDEX story_articles_article ON story_articles(article_id);
