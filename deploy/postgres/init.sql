-- The databases of docker-compose.yml (the taskforce script creates the same ones in single-user mode).
CREATE DATABASE membership OWNER taskforce;
CREATE DATABASE meeting OWNER taskforce;
CREATE DATABASE guidance OWNER taskforce;
CREATE DATABASE transparency OWNER taskforce;
CREATE DATABASE notification OWNER taskforce;
